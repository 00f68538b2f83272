"""``python -m bench.bench_reports --quick`` fills a small history and prints both figures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.figures import parse
from tests.server.realfix import ROOT

pytestmark = pytest.mark.slow


def test_the_reports_bench_runs_small() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.bench_reports", "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = {f[0]: f[1] for f in map(parse, done.stdout.splitlines()) if f}
    assert any(name.startswith("report over a month (9 k tickets") for name in figures), figures
    assert any(name.startswith("report over a year") for name in figures), figures
    assert all(value.endswith(" ms") and value[0].isdigit() for value in figures.values())
