"""``--scale`` means what its help says: how many times faster than real time the hall runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hallq.simulate import TICK_S, hall_minutes, simulate
from tests.live_server import ADMIN, KIOSK, LiveServer

ROOT = Path(__file__).resolve().parents[1]


class FakeClock:
    """Real time that moves only when the simulation sleeps (no wall time in the test)."""

    def __init__(self) -> None:
        self.now, self.sleeps = 1000.0, 0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.sleeps += 1


def hallq(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hallq", *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=dict(os.environ))


def test_scale_60_is_one_hall_minute_per_real_second() -> None:
    assert hall_minutes(1.0, 60) == 1.0
    assert hall_minutes(9 * 60, 60) == 9 * 60  # a 9-hour day in 9 real minutes
    assert hall_minutes(1.0, 1) == pytest.approx(1 / 60)  # real time


@pytest.mark.parametrize(("scale", "hours"), [(60, 0.05), (600, 0.25)])
def test_a_simulated_day_lasts_hours_times_3600_over_scale_real_seconds(
        server: LiveServer, scale: float, hours: float) -> None:
    clock = FakeClock()
    counts = simulate(server.url, ADMIN, KIOSK, scale, hours, [("1", "c01", "1234")],
                      start_hour=9, clock=clock, sleep=clock.sleep)
    real_s = hours * 3600 / scale  # 3 real seconds for 3 hall minutes at 60
    assert clock.sleeps == pytest.approx(real_s / TICK_S, abs=1)
    assert counts["login"] == 1


@pytest.mark.parametrize("command", ["simulate", "demo"])
def test_the_help_says_what_scale_does(command: str) -> None:
    done = hallq(command, "--help")
    text = " ".join(done.stdout.split())
    assert done.returncode == 0
    assert "times faster than real time" in text and "one hall minute per real second" in text
    assert "hall minutes per real second" not in text


def test_a_scale_that_would_never_end_the_day_is_refused() -> None:
    done = hallq("simulate", "--token", "x", "--scale", "0")
    assert done.returncode == 2
    assert "--scale: must be greater than 0" in done.stderr
