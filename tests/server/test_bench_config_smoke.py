"""``python -m bench.bench_config --quick`` runs and prints its figures (never judged on time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.figures import parse
from tests.server.realfix import ROOT

pytestmark = pytest.mark.slow


def test_the_config_bench_runs_small() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.bench_config", "--quick"],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = {f[0]: f[1] for f in map(parse, done.stdout.splitlines()) if f}
    names = " ".join(figures)
    for part in ("config.changed at 20 subscribers p99", "kiosk service list updated p99"):
        assert part in names, done.stdout
    assert not any("not received" in n or "not updated" in n for n in figures), figures
    assert all(value and value[0].isdigit() for value in figures.values()), figures
