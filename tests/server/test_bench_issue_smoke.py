"""``python -m bench.bench_issue --quick`` runs and prints issue p50 at 0 and at 10,000 waiting
and their ratio (the bench itself checks every answer's count of people ahead)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.figures import parse
from tests.server.realfix import ROOT

pytestmark = pytest.mark.slow


def test_the_issue_bench_prints_both_lengths_and_their_ratio() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.bench_issue", "--quick"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = {f[0]: (f[1], f[2]) for f in map(parse, done.stdout.splitlines()) if f}
    assert figures["issue: ticket issued, p50 with 0 waiting"][0].endswith(" ms")
    assert figures["issue: ticket issued, p50 with 10,000 waiting"][0].endswith(" ms")
    ratio, goal = figures["issue: p50 with 10,000 waiting / p50 with 0"]
    assert float(ratio) > 0 and goal == "≤ 1.2"
