"""Appointment times at the ends of the calendar are a 422 naming the field, and nothing is
stored that could not be read back (issue 15, point 3). A real server over HTTP."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.live_server import ADMIN, live_server

ENDS = [
    ("9999-12-31T23:00:00+00:00", "9999-12-31T23:30:00+00:00"),
    ("9999-12-31T20:00:00-08:00", "9999-12-31T21:00:00-08:00"),
    ("0001-01-01T00:00:00+14:00", "0001-01-01T01:00:00+14:00"),
    ("0001-01-01T09:00:00+08:00", "2026-01-01T09:00:00+08:00"),
    ("2026-11-23T09:00:00+08:00", "9999-12-31T23:59:59-14:00"),
]


def test_slots_at_the_ends_of_the_calendar_are_refused_and_never_stored(
        tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db") as server, server.http(ADMIN) as http:
        for n, (start, end) in enumerate(ENDS):
            code = f"END{n}"
            answer = http.post("/api/appointments", json={
                "service": "biz", "code": code, "slot_start": start, "slot_end": end})
            assert answer.status_code == 422, (start, end, answer.status_code, answer.text)
            body = answer.json()
            assert body["field"] in ("slot_start", "slot_end")
            assert body["field"] in body["detail"] and "years" in body["detail"]
            gone = http.get(f"/api/appointments/{code}")
            assert gone.status_code == 404, gone.text  # not stored half-way

        soon = datetime.now(ZoneInfo("Asia/Shanghai")).replace(microsecond=0) + \
            timedelta(days=30)
        booked = http.post("/api/appointments", json={
            "service": "biz", "code": "SOON1", "slot_start": soon.isoformat(),
            "slot_end": (soon + timedelta(minutes=30)).isoformat()})
        assert booked.status_code == 201, booked.text
        assert http.get("/api/appointments/SOON1").json()["slot_start"] == soon.isoformat()
