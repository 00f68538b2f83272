"""``python -m bench.bench_server --quick`` runs and prints every figure (never judged on time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.figures import parse
from tests.server.realfix import ROOT

pytestmark = pytest.mark.slow


def test_the_server_bench_runs_small() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.bench_server", "--quick"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = {f[0]: f[1] for f in map(parse, done.stdout.splitlines()) if f}
    names = " ".join(figures)
    for part in ("issue-ticket latency p99", "mixed ops/s", "subscribers p99", "daily report"):
        assert part in names, done.stdout
    assert "events not received within 5 s" not in figures
    assert all(value and value[0].isdigit() for value in figures.values()), figures
