"""The server contract, in process: status codes, every call, a scripted day, the report."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.server.apifix import (
    ADMIN,
    BRIDGE,
    DISPLAY,
    KIOSK,
    MONDAY_10,
    PAD3,
    PADS,
    Api,
    make_api,
)

# ---- who may do what -------------------------------------------------------------------------


def test_health_needs_no_token_and_everything_else_does(api: Api) -> None:
    assert api.get("/api/health", None).json() == {"status": "ok"}
    for path in ("/api/services", "/api/state", "/api/tickets/1", "/api/reports/daily"):
        missing = api.get(path, None)
        assert missing.status_code == 401, path
        assert "Bearer" in missing.json()["detail"]
        assert api.get(path, "not-a-real-token-000").status_code == 401, path
    assert api.post("/api/tickets", None, json={"service": "biz"}).status_code == 401
    wrong_scheme = api.client.get("/api/state", headers={"Authorization": f"Basic {ADMIN}"})
    assert wrong_scheme.status_code == 401


def test_a_device_without_the_right_gets_403(api: Api) -> None:
    refused = api.post("/api/tickets", DISPLAY, json={"service": "biz"})
    assert refused.status_code == 403 and "may not issue tickets" in refused.json()["detail"]
    assert api.post("/api/tickets", PADS, json={"service": "biz"}).status_code == 403
    other = api.post("/api/windows/1/next", PAD3)
    assert other.status_code == 403 and "window 1" in other.json()["detail"]
    assert api.post("/api/windows/1/next", DISPLAY).status_code == 403
    assert api.post("/api/windows/1/next", KIOSK).status_code == 403
    assert api.get("/api/reports/daily", PADS).status_code == 403
    assert api.get("/api/follow-ups", KIOSK).status_code == 403
    # pad-3 may act for window 3
    api.ok("POST", "/api/windows/3/login", PAD3, json={"clerk": "c03", "pin": "3456"})
    api.issue("tax")
    assert api.ok("POST", "/api/windows/3/next", PAD3)["ticket"]["number"] == "E001"
    # ...and the bridge for every window
    api.issue("biz")
    api.login("4", "c02")
    assert api.ok("POST", "/api/windows/4/next", BRIDGE)["ticket"]["number"] == "A001"


def test_rating_a_ticket_of_another_window_is_forbidden(api: Api) -> None:
    api.login("1", "c01")
    ticket = api.issue("biz")
    api.act("1", "next")
    api.act("1", "finish")
    refused = api.post(f"/api/tickets/{ticket['id']}/rating", PAD3, json={"score": 5})
    assert refused.status_code == 403


def test_unknown_things_are_404(api: Api) -> None:
    assert api.get("/api/tickets/999").status_code == 404
    assert "999" in api.get("/api/tickets/999").json()["detail"]
    assert api.post("/api/windows/99/next").status_code == 404
    assert api.post("/api/windows/99/next", PAD3).status_code == 404  # 404 before 403
    assert api.get("/api/windows/99").status_code == 404
    assert api.post("/api/tickets/999/restore").status_code == 404
    assert api.post("/api/tickets/999/rating", json={"score": 5}).status_code == 404
    assert api.get("/api/appointments/NOSUCH").status_code == 404
    assert api.call("PATCH", "/api/follow-ups/5", json={"status": "resolved"}).status_code == 404
    api.login("4", "c02")
    assert api.post("/api/windows/4/call", PADS, json={"number": "A077"}).status_code == 404


def detail(response: Any) -> str:
    text: str = response.json()["detail"]
    return text


def test_state_conflicts_are_409_with_a_reason(api: Api) -> None:
    api.login("4", "c02")
    nothing = api.post("/api/windows/4/recall", PADS)
    assert nothing.status_code == 409 and "no ticket to recall" in detail(nothing)
    for action in ("skip", "finish"):
        assert api.post(f"/api/windows/4/{action}", PADS).status_code == 409
    assert api.post("/api/windows/4/transfer", PADS, json={"service": "tax"}).status_code == 409
    waiting = api.issue("biz")
    unrated = api.post(f"/api/tickets/{waiting['id']}/rating", ADMIN, json={"score": 5})
    assert unrated.status_code == 409 and "only a finished ticket" in detail(unrated)
    assert api.post(f"/api/tickets/{waiting['id']}/restore").status_code == 409
    assert api.post("/api/windows/4/resume", PADS).status_code == 409
    # a closed window (nobody logged in) cannot call
    closed = api.post("/api/windows/5/next", PADS)
    assert closed.status_code == 409 and "log in" in detail(closed)
    api.act("4", "next")
    api.act("4", "finish")
    assert api.post(f"/api/tickets/{waiting['id']}/rating", PADS,
                    json={"score": 4}).status_code == 201
    again = api.post(f"/api/tickets/{waiting['id']}/rating", PADS, json={"score": 5})
    assert again.status_code == 409 and "already rated" in detail(again)
    assert api.post("/api/windows/4/rating", BRIDGE, json={"score": 5}).status_code == 409


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


def test_invalid_values_are_422_naming_the_field(api: Api) -> None:
    unknown = api.post("/api/tickets", KIOSK, json={"service": "nosuch"})
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "service" and "service" in detail(unknown)
    assert "biz" in detail(unknown)  # tells what is known
    typo = api.post("/api/tickets", KIOSK, json={"service": "biz", "priorty": True})
    assert typo.status_code == 422 and "priorty" in detail(typo)
    api.login("4", "c02")
    reason = api.post("/api/windows/4/pause", PADS, json={"reason": "打游戏"})
    assert reason.status_code == 422 and reason.json()["field"] == "reason"
    assert "会议" in detail(reason)
    score = api.post("/api/windows/4/rating", PADS, json={"score": "five"})
    assert score.status_code == 422 and detail(score).startswith("score:")


# ---- the calls of a window -------------------------------------------------------------


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


def test_login_logout_and_the_clerk_in_state(api: Api) -> None:
    wrong = api.post("/api/windows/1/login", PADS, json={"clerk": "c01", "pin": "9999"})
    assert wrong.status_code == 403 and "PIN" in detail(wrong)
    elsewhere = api.post("/api/windows/5/login", PADS, json={"clerk": "c01", "pin": "1234"})
    assert elsewhere.status_code == 403  # c01 is assigned to windows 1 and 2 only
    api.login("1", "c01")
    window = api.window("1")
    assert window["status"] == "open"
    assert window["clerk"]["name"] == "王芳" and window["clerk"]["job_number"] == "ZW001"
    api.issue("biz")
    api.act("1", "next")
    busy = api.post("/api/windows/1/logout", PADS)
    assert busy.status_code == 409 and "A001" in detail(busy)
    api.act("1", "finish")
    api.act("1", "logout")
    assert api.window("1")["status"] == "closed" and api.window("1")["clerk"] is None


def test_pause_and_resume_show_the_reason(api: Api) -> None:
    api.login("1", "c01")
    paused = api.act("1", "pause", json={"reason": "午休"})
    assert paused["status"] == "paused" and paused["pause_reason"] == "午休"
    assert api.window("1")["pause_reason"] == "午休"
    again = api.post("/api/windows/1/pause", PADS, json={"reason": "会议"})
    assert again.status_code == 409
    resumed = api.act("1", "resume")
    assert resumed["status"] == "open" and resumed["pause_reason"] is None
    api.issue("biz")
    api.act("1", "next")
    assert api.post("/api/windows/1/pause", PADS, json={"reason": "会议"}).status_code == 409


def test_next_calls_priority_first_then_oldest_and_finishes_the_previous(api: Api) -> None:
    api.login("4", "c02")
    a1 = api.issue("biz")
    api.issue("biz")
    green = api.issue("biz", priority=True)
    assert green["priority"] is True and green["waiting_ahead"] == 0
    got = [api.act("4", "next")["ticket"] for _ in range(4)]
    assert [t["number"] if t else None for t in got] == ["A003", "A001", "A002", None]
    assert got[0]["status"] == "called" and got[0]["window"] == "4"
    done = api.ok("GET", f"/api/tickets/{a1['id']}", DISPLAY)
    assert done["status"] == "done" and done["finished_at"] is not None
    recalled = api.post("/api/windows/4/recall", PADS)
    assert recalled.status_code == 409  # the last next() finished A002 and found nobody


def test_call_a_given_number_out_of_order(api: Api) -> None:
    api.login("4", "c02")
    api.issue("biz")
    api.issue("biz")
    got = api.act("4", "call", json={"number": "a002"})["ticket"]
    assert got["number"] == "A002" and got["status"] == "called"
    assert api.act("4", "recall")["ticket"]["recalls"] == 1
    assert api.act("4", "next")["ticket"]["number"] == "A001"
    api.issue("tax")
    other = api.post("/api/windows/4/call", PADS, json={"number": "E001"})
    assert other.status_code == 409 and "does not serve" in detail(other)


def test_transfer_keeps_the_number_and_goes_ahead(api: Api) -> None:
    api.login("4", "c02")
    api.login("9", "c08")
    api.issue("tax")
    api.issue("tax")
    api.issue("biz")
    api.act("4", "next")
    moved = api.act("4", "transfer", json={"service": "tax"})["ticket"]
    assert (moved["number"], moved["service"], moved["status"]) == ("A001", "tax", "waiting")
    assert moved["priority"] is True and moved["transferred_from"] == "biz"
    assert moved["waiting_ahead"] == 0
    assert api.window("4")["current"] is None
    assert api.act("9", "next")["ticket"]["number"] == "A001"
    assert api.act("9", "next")["ticket"]["number"] == "E001"


def test_skip_then_restore(api: Api) -> None:
    api.login("4", "c02")
    first = api.issue("biz")
    api.issue("biz")
    api.act("4", "next")
    skipped = api.act("4", "skip")["ticket"]
    assert skipped["status"] == "missed" and skipped["number"] == "A001"
    assert api.window("4")["current"] is None
    api.clock.advance(minutes=3)
    restored = api.ok("POST", f"/api/tickets/{first['id']}/restore", PADS)
    assert restored["status"] == "waiting" and restored["waiting_ahead"] == 1
    assert [api.act("4", "next")["ticket"]["number"] for _ in range(2)] == ["A002", "A001"]


def test_rating_and_the_follow_up_of_a_bad_one(api: Api) -> None:
    api.login("4", "c02")
    good, bad = api.issue("biz"), api.issue("biz")
    api.act("4", "next")
    api.act("4", "next")
    api.act("4", "finish")
    rated = api.ok("POST", f"/api/tickets/{good['id']}/rating", PADS, json={"score": 5})
    assert rated["level"] == "非常满意" and rated["follow_up"] is None
    # the rating device rates what its window finished last (A002)
    low = api.ok("POST", "/api/windows/4/rating", BRIDGE,
                 json={"score": 1, "reasons": ["服务态度差"], "comment": "态度不好"})
    assert low["ticket_id"] == bad["id"] and low["follow_up"] == "open"
    assert low["follow_up_due"].startswith("2026-12-08")  # 15 days (9.5)
    assert low["clerk"] == "c02" and low["channel"] == "device"
    listed = api.ok("GET", "/api/follow-ups?status=open")
    assert [r["ticket_id"] for r in listed] == [bad["id"]]
    patched = api.ok("PATCH", f"/api/follow-ups/{low['id']}",
                     json={"status": "resolved", "note": "已电话回访，致歉"})
    assert patched["follow_up"] == "resolved" and patched["follow_up_note"] == "已电话回访，致歉"
    assert api.ok("GET", "/api/follow-ups?status=open") == []
    assert len(api.ok("GET", "/api/follow-ups?status=resolved")) == 1
    good_one = api.call("PATCH", f"/api/follow-ups/{rated['id']}", json={"status": "resolved"})
    assert good_one.status_code == 404  # only bad ratings are followed up


# ---- appointments (6.3) ---------------------------------------------------------------------

CITIZEN = "110101199001011234"


def book(api: Api, start_min: int, length: int = 30, **extra: Any) -> dict[str, Any]:
    start = (api.clock.now + timedelta(minutes=start_min)).isoformat()
    end = (api.clock.now + timedelta(minutes=start_min + length)).isoformat()
    booked: dict[str, Any] = api.ok("POST", "/api/appointments", json={
        "service": "biz", "slot_start": start, "slot_end": end, **extra})
    return booked


def raw_database(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


def test_a_booked_citizen_number_is_never_kept_in_clear(api: Api) -> None:
    booked = book(api, 10, citizen_id=CITIZEN, code="web00001")
    assert booked["code"] == "WEB00001" and booked["status"] == "booked"
    assert CITIZEN not in str(booked) and booked["citizen"].endswith("1234")
    assert CITIZEN not in api.get("/api/appointments/web00001").text
    assert CITIZEN.encode() not in raw_database(api.db)
    with sqlite3.connect(api.db) as db:
        rows = db.execute("select * from appointments").fetchall()
    assert rows and all(CITIZEN not in str(v) for v in rows[0])
    taken = api.post("/api/appointments", json={
        "service": "biz", "slot_start": booked["slot_start"], "slot_end": booked["slot_end"],
        "code": "WEB00001"})
    assert taken.status_code == 409


def test_check_in_within_the_slot_gives_a_priority_ticket_called_first(api: Api) -> None:
    api.login("4", "c02")
    booked = book(api, 20)
    api.issue("biz")
    api.issue("biz")
    early = api.post("/api/tickets", KIOSK, json={"appointment": booked["code"]})
    assert early.status_code == 201  # 20 min before: within the 30-minute early window
    ticket = early.json()
    assert ticket["priority"] is True and ticket["priority_reason"] == "appointment"
    assert ticket["number"] == "A003" and ticket["appointment"] == booked["code"]
    assert api.act("4", "next")["ticket"]["number"] == "A003"
    used = api.post("/api/tickets", KIOSK, json={"appointment": booked["code"]})
    assert used.status_code == 409
    assert api.ok("GET", f"/api/appointments/{booked['code']}", KIOSK)["status"] == "checked_in"


def test_a_late_arrival_forfeits_and_too_early_is_refused(api: Api) -> None:
    soon = book(api, 60)
    early = api.post("/api/tickets", KIOSK, json={"appointment": soon["code"]})
    assert early.status_code == 409 and early.json()["code"] == "appointment_too_early"
    missed = book(api, 0)
    api.clock.advance(minutes=31)
    late = api.post("/api/tickets", KIOSK, json={"appointment": missed["code"]})
    assert late.status_code == 409 and "6.3.5" in detail(late)
    assert api.ok("GET", f"/api/appointments/{missed['code']}")["status"] == "forfeited"
    assert api.post("/api/tickets", KIOSK,
                    json={"appointment": missed["code"]}).status_code == 409
    wrong = api.post("/api/tickets", KIOSK, json={"appointment": soon["code"],
                                                  "service": "tax"})
    assert wrong.status_code == 422 and wrong.json()["field"] == "service"


# ---- the daily report after a scripted day ------------------------------------------------


def scripted_day(api: Api) -> dict[str, Any]:
    api.login("1", "c01")
    api.login("9", "c08")
    a1, _a2, e1, _c1 = (api.issue(s) for s in ("biz", "biz", "tax", "social"))
    api.clock.advance(minutes=5)
    assert api.act("1", "next")["ticket"]["number"] == "A001"  # waited 300 s
    api.clock.advance(minutes=10)
    assert api.act("9", "next")["ticket"]["number"] == "E001"  # waited 900 s
    api.clock.advance(minutes=5)
    api.act("1", "finish")  # A001 served 900 s
    api.clock.advance(minutes=5)
    api.act("9", "finish")  # E001 served 600 s
    api.clock.advance(minutes=5)
    assert api.act("1", "next")["ticket"]["number"] == "A002"  # waited 1800 s
    api.clock.advance(minutes=2)
    api.act("1", "skip")
    api.ok("POST", f"/api/tickets/{a1['id']}/rating", PADS, json={"score": 5})
    api.ok("POST", f"/api/tickets/{e1['id']}/rating", PADS,
           json={"score": 1, "reasons": ["等候时间长"]})
    api.clock.advance(minutes=8)
    api.act("1", "pause", json={"reason": "会议"})
    api.clock.advance(minutes=10)
    api.act("1", "resume")
    report: dict[str, Any] = api.ok("GET", "/api/reports/daily?date=2026-11-23")
    return report


def test_daily_report_figures(api: Api) -> None:
    r = scripted_day(api)
    assert r["date"] == "2026-11-23"
    assert (r["issued"], r["served"], r["missed"]) == (4, 2, 1)
    assert r["avg_wait_s"] == 1000.0  # (300 + 900 + 1800) / 3
    assert r["avg_service_s"] == 750.0  # (900 + 600) / 2
    assert r["ratings"] == {"1": 1, "2": 0, "3": 0, "4": 0, "5": 1}
    assert r["satisfaction_rate"] == 0.5
    assert r["bad_ratings"] == {"open": 1, "contacted": 0, "resolved": 0}
    assert r["by_service"]["biz"] == {"issued": 2, "served": 1, "missed": 1,
                                      "avg_wait_s": 1050.0, "avg_service_s": 900.0,
                                      "cancelled": 0, "name": "企业开办"}
    assert r["by_service"]["social"]["avg_wait_s"] is None
    w1, w9 = r["by_window"]["1"], r["by_window"]["9"]
    assert (w1["served"], w1["missed"], w1["paused_s"], w1["satisfaction_rate"]) == \
        (1, 1, 600, 1.0)
    assert (w9["served"], w9["avg_service_s"], w9["ratings"]["1"]) == (1, 600.0, 1)
    assert (w1["name"], w9["name"]) == ("1号窗口", "9号窗口")
    assert r["by_clerk"]["c01"]["name"] == "王芳" and r["by_clerk"]["c01"]["paused_s"] == 600
    assert r["by_clerk"]["c08"]["satisfaction_rate"] == 0.0
    # another day is empty; today's default is the same day
    assert api.ok("GET", "/api/reports/daily?date=2026-11-22")["issued"] == 0
    assert api.ok("GET", "/api/reports/daily")["issued"] == 4


def test_daily_report_as_csv(api: Api) -> None:
    scripted_day(api)
    response = api.get("/api/reports/daily?date=2026-11-23&format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].startswith("group,key,name,issued,served,missed,avg_wait_s")
    assert lines[1].startswith("hall,2026-11-23,,4,2,1,1000.0,750.0,2,0.5")
    assert any(line.startswith("clerk,c01,王芳,") for line in lines)
    assert any(line.startswith("window,9,9号窗口,") for line in lines)
    assert any(line.startswith("service,biz,企业开办,2,1,1,") for line in lines)


def test_a_window_sees_its_own_figures_today(api: Api) -> None:
    scripted_day(api)
    today = api.ok("GET", "/api/windows/1/today", PADS)
    assert today["window"]["served"] == 1 and today["clerk"]["name"] == "王芳"
    assert today["waiting"]["social"] == 1 and "estate" not in today["waiting"]


# ---- days ------------------------------------------------------------------------------------


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


# ---- documents and pages ---------------------------------------------------------------------

CONTRACT = {
    ("get", "/api/health"), ("get", "/api/services"), ("post", "/api/tickets"),
    ("get", "/api/tickets/{ticket_id}"), ("post", "/api/windows/{window}/next"),
    ("post", "/api/windows/{window}/recall"), ("post", "/api/windows/{window}/skip"),
    ("post", "/api/windows/{window}/finish"), ("post", "/api/windows/{window}/transfer"),
    ("post", "/api/windows/{window}/pause"), ("post", "/api/windows/{window}/resume"),
    ("post", "/api/tickets/{ticket_id}/restore"), ("post", "/api/tickets/{ticket_id}/rating"),
    ("get", "/api/state"), ("get", "/api/reports/daily"),
    ("post", "/api/windows/{window}/login"), ("post", "/api/windows/{window}/logout"),
    ("post", "/api/windows/{window}/call"), ("post", "/api/appointments"),
    ("get", "/api/follow-ups"), ("patch", "/api/follow-ups/{rating_id}"),
}


def test_openapi_lists_every_call_of_the_contract(api: Api) -> None:
    doc = api.get("/openapi.json", None).json()
    have = {(method, path) for path, ops in doc["paths"].items() for method in ops}
    assert not CONTRACT - have, CONTRACT - have


def test_the_status_page_of_a_ticket_shows_its_number(api: Api) -> None:
    api.issue("biz")
    ticket = api.issue("biz")
    token = ticket["status_url"].split("/t/")[1]
    page = api.get(f"/t/{token}", None)
    assert page.status_code == 200 and "A002" in page.text and "前面还有 1 人" in page.text
    assert api.get("/t/not-a-ticket", None).status_code == 404


@pytest.fixture
def open_api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(tmp_path, open_all_hours=True,
                        start=MONDAY_10 + timedelta(hours=12))  # 22:00


def test_open_all_hours_issues_at_night(open_api: Api) -> None:
    assert open_api.issue("exit")["number"] == "G001"


def test_yesterdays_report_keeps_its_missed_tickets_after_midnight(api: Api) -> None:
    api.login("4", "c02")
    missed = api.issue("biz")
    api.act("4", "next")
    api.act("4", "skip")
    before = api.ok("GET", "/api/reports/daily?date=2026-11-23")
    api.clock.advance(days=1)
    api.issue("biz")  # the first command of the new day rolls the day
    after = api.ok("GET", "/api/reports/daily?date=2026-11-23")
    assert (after["missed"], after["cancelled"]) == (before["missed"], before["cancelled"]) \
        == (1, 0)
    assert api.post(f"/api/tickets/{missed['id']}/restore").status_code in (404, 409)
