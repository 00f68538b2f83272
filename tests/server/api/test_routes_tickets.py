"""Services, issuing and reading tickets, the hall's state, and days rolling over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.server.apifix import DISPLAY, KIOSK, MONDAY_10, Api, detail, make_api


def test_a_service_is_closed_outside_its_hours(api: Api) -> None:
    api.clock.now = MONDAY_10 + timedelta(hours=2, minutes=30)  # 12:30, lunch
    closed = api.post("/api/tickets", KIOSK, json={"service": "biz"})
    assert closed.status_code == 409 and "closed" in detail(closed)
    assert closed.json()["code"] == "service_closed"
    services = {s["code"]: s for s in api.ok("GET", "/api/services", DISPLAY)}
    assert services["biz"]["open"] is False and services["biz"]["closed_reason"] == "outside_hours"
    api.clock.now = MONDAY_10 + timedelta(hours=7, minutes=15)  # 17:15: exit closes at 17:00
    assert api.post("/api/tickets", KIOSK, json={"service": "exit"}).status_code == 409
    assert api.post("/api/tickets", KIOSK, json={"service": "biz"}).status_code == 201


def test_a_service_refuses_tickets_beyond_its_daily_quota(api: Api) -> None:
    for _ in range(200):  # biz: daily_quota = 200
        api.issue("biz")
    full = api.post("/api/tickets", KIOSK, json={"service": "biz"})
    assert full.status_code == 409 and full.json()["code"] == "quota_reached"
    assert "200" in detail(full)
    services = {s["code"]: s for s in api.ok("GET", "/api/services", DISPLAY)}
    assert services["biz"]["open"] is False and services["biz"]["issued_today"] == 200
    assert api.issue("tax")["number"] == "E001"


def test_services_list_the_contract_fields(api: Api) -> None:
    services = api.ok("GET", "/api/services", DISPLAY)
    assert len(services) == 11
    for s in services:
        assert {"code", "name", "prefix", "waiting", "estimated_wait_s", "open"} <= set(s)
    api.issue("biz")
    api.issue("biz")
    biz = next(s for s in api.ok("GET", "/api/services", DISPLAY) if s["code"] == "biz")
    assert biz["waiting"] == 2 and biz["estimated_wait_s"] > 0
    assert (biz["department"], biz["department_en"]) == (
        "市场监督管理局", "Market Regulation")  # for the kiosk's English view


def test_a_ticket_has_the_contract_fields(api: Api) -> None:
    first = api.issue("biz")
    second = api.issue("biz")
    got = api.ok("GET", f"/api/tickets/{second['id']}", DISPLAY)
    for key in ("id", "number", "service", "status", "window", "priority", "issued_at",
                "called_at", "finished_at", "waiting_ahead"):
        assert key in got
    assert (got["number"], got["status"], got["waiting_ahead"]) == ("A002", "waiting", 1)
    assert got["issued_at"].endswith("+08:00") and got["issued_at"].startswith("2026-11-23T10")
    assert first["waiting_ahead"] == 0 and got["priority"] is False


def test_a_new_day_restarts_numbers_and_cancels_yesterdays_waiting(api: Api) -> None:
    api.login("4", "c02")
    api.issue("biz")
    left = api.issue("biz")
    api.act("4", "next")
    api.clock.advance(days=1)
    assert api.issue("biz")["number"] == "A001"
    old = api.ok("GET", f"/api/tickets/{left['id']}")
    assert old["status"] == "cancelled"
    assert api.state()["waiting"]["biz"] == 1
    assert api.ok("GET", "/api/reports/daily?date=2026-11-23")["issued"] == 2


def test_the_morning_display_does_not_show_yesterdays_queue(api: Api) -> None:
    for _ in range(3):
        api.issue("tax")
    api.clock.advance(days=1)
    # nothing happened yet today: the counts a display and a kiosk read must be today's
    assert api.state()["waiting"]["tax"] == 0
    tax = next(s for s in api.ok("GET", "/api/services", KIOSK) if s["code"] == "tax")
    assert tax["waiting"] == 0 and tax["issued_today"] == 0


@pytest.fixture
def open_api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(tmp_path, open_all_hours=True,
                        start=MONDAY_10 + timedelta(hours=12))  # 22:00


def test_open_all_hours_issues_at_night(open_api: Api) -> None:
    assert open_api.issue("exit")["number"] == "G001"
