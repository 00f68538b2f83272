"""The simulated day really moves the hall: tickets, calls, no-shows, ratings, the report."""

from __future__ import annotations

import pytest

from hallq.simulate import simulate
from tests.live_server import ADMIN, KIOSK, LiveServer

CLERKS = [("1", "c01", "1234"), ("2", "c02", "2345"), ("11", "c09", "9012")]


@pytest.mark.slow  # an hour of the hall: ~6 s here
def test_an_hour_of_the_hall_fills_the_report(server: LiveServer) -> None:
    counts = simulate(server.url, ADMIN, KIOSK, scale=900, hours=1.5, clerks=CLERKS, seed=3,
                      start_hour=9)
    assert counts["login"] == 3
    assert counts["tickets"] > 60  # the 9 o'clock peak
    with server.http() as api:
        report = api.get("/api/reports/daily").json()
        state = api.get("/api/state").json()
    assert report["issued"] == counts["tickets"]
    assert 0 < report["served"] <= counts["finish"]
    assert report["rated"] > 0 and report["satisfaction_rate"] is not None
    assert set(report["by_window"]) <= {"1", "2", "11"}
    assert {w["id"] for w in state["windows"] if w["status"] != "closed"} == {"1", "2", "11"}
