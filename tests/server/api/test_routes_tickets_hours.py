"""When a closed service opens again, with the example hall's holidays (issue 13): in the
services list (``opens_at``) and in the refusal to issue (``values.opens_at``); and which
windows can call a service now (``open_windows``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.server.apifix import DISPLAY, KIOSK, MONDAY_10, PADS, Api


def services(api: Api) -> dict[str, dict[str, object]]:
    return {s["code"]: s for s in api.ok("GET", "/api/services", DISPLAY)}


def test_lunch_and_a_holiday_say_when_the_service_opens(api: Api) -> None:
    api.clock.now = MONDAY_10 + timedelta(hours=2, minutes=30)  # 12:30, lunch
    refused = api.post("/api/tickets", KIOSK, json={"service": "biz"})
    assert refused.status_code == 409 and refused.json()["code"] == "service_closed"
    assert refused.json()["values"] == {"opens_at": "2026-11-23T13:30:00+08:00"}
    assert "opens 2026-11-23T13:30:00+08:00" in refused.json()["detail"]
    assert services(api)["biz"]["opens_at"] == "2026-11-23T13:30:00+08:00"
    api.clock.now = datetime(2027, 1, 1, 2, 0, tzinfo=UTC)  # New Year, a Friday, 10:00
    listed = services(api)
    assert listed["biz"]["open"] is False and listed["biz"]["closed_reason"] == "outside_hours"
    assert listed["biz"]["opens_at"] == "2027-01-02T09:00:00+08:00"  # Saturday morning
    assert listed["exit"]["opens_at"] == "2027-01-04T08:30:00+08:00"  # exit: no Saturdays
    api.clock.now = datetime(2027, 2, 14, 6, 0, tzinfo=UTC)  # a make-up Sunday, 14:00
    listed = services(api)
    assert listed["biz"]["open"] is True and listed["biz"]["opens_at"] is None
    assert api.post("/api/tickets", KIOSK, json={"service": "biz"}).status_code == 201


def test_open_windows_counts_windows_with_a_clerk_that_are_not_paused(api: Api) -> None:
    assert services(api)["fund"]["open_windows"] == 0
    api.ok("POST", "/api/windows/8/login", PADS, json={"clerk": "c07", "pin": "7890"})
    assert services(api)["fund"]["open_windows"] == 1
    api.ok("POST", "/api/windows/1/login", PADS, json={"clerk": "c01", "pin": "1234"})
    assert services(api)["fund"]["open_windows"] == 2
    api.ok("POST", "/api/windows/8/pause", PADS, json={"reason": "会议"})
    assert services(api)["fund"]["open_windows"] == 1
    assert services(api)["estate"]["open_windows"] == 0
