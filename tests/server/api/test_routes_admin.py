"""Follow-ups of bad ratings, appointments (6.3), the daily report and a window's day."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.server.apifix import BRIDGE, KIOSK, PADS, Api, detail


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
    facts = early.json()["values"]  # the moment with the hall's offset, for the kiosk's 明天
    assert facts["opens"] == f"{facts['opens_on']}T{facts['opens_at']}+08:00"
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
                                      "cancelled": 0, "name": "企业开办",
                                      "name_en": "Business Registration"}
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
