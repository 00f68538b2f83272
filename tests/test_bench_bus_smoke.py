"""``python -m bench.bench_bus --quick`` runs and prints its figures (never judged on time): the
bench feeds the bridge a state as the server's contract says, so a change of the contract that
the bench does not follow fails here, not in a release's benchmark run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.figures import parse

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def test_the_bus_bench_runs_small() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.bench_bus", "--quick"],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = {f[0]: f[1] for f in map(parse, done.stdout.splitlines()) if f}
    assert any("LED frame written p99 (30 windows" in name for name in figures), done.stdout
    assert "60 of 60 calls seen" in done.stdout
    assert all(value and value[0].isdigit() for value in figures.values()), figures
