"""Following up bad ratings (9.5) through the API: the list with window, clerk, service,
reasons and comment; states and overdue; notes appended with who and when, never wiped."""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.server.apifix import KIOSK, PADS, Api


def bad_rating(api: Api, window: str, comment: str = "") -> dict[str, Any]:
    ticket = api.issue("biz")
    api.act(window, "next")
    api.act(window, "finish")
    return api.ok("POST", f"/api/tickets/{ticket['id']}/rating", PADS,  # type: ignore[no-any-return]
                  json={"score": 2, "reasons": ["办事效率低"], "comment": comment})


def test_the_list_says_who_where_what_and_keeps_every_note(api: Api) -> None:
    api.login("3", "c03")
    rating = bad_rating(api, "3", "材料退回两次")
    [listed] = api.ok("GET", "/api/follow-ups")
    assert listed["number"] == "A001" and listed["window_name"] == "3号窗口"
    assert listed["clerk"] == "c03" and listed["clerk_name"] == "张敏"
    assert listed["service_name"] == "企业开办"
    assert listed["reasons"] == ["办事效率低"] and listed["comment"] == "材料退回两次"
    assert (listed["state"], listed["overdue"], listed["notes"]) == ("open", False, [])

    api.clock.advance(hours=2)
    noted = api.ok("PATCH", f"/api/follow-ups/{rating['id']}",
                   json={"status": "in_progress", "note": "已电话联系，约明天回访"})
    assert noted["follow_up"] == "contacted" and noted["state"] == "in_progress"
    api.clock.advance(days=1)
    closed = api.ok("PATCH", f"/api/follow-ups/{rating['id']}", json={"status": "closed"})
    assert closed["state"] == "closed" and closed["follow_up"] == "resolved"
    assert closed["follow_up_note"] == "已电话联系，约明天回访", "closing wiped the note"
    assert [(n["who"], n["state"], n["note"]) for n in closed["notes"]] == [
        ("admin", "in_progress", "已电话联系，约明天回访"), ("admin", "closed", "")]
    assert closed["notes"][0]["at"].startswith("2026-11-23T12:00")  # the hall's time
    assert closed["notes"][1]["at"].startswith("2026-11-24T12:00")
    with sqlite3.connect(api.db) as db:  # the history is rows added, never one row rewritten
        rows = db.execute("SELECT rating_id, who, status, note FROM follow_up_notes "
                          "ORDER BY id").fetchall()
    assert rows == [(rating["id"], "admin", "contacted", "已电话联系，约明天回访"),
                    (rating["id"], "admin", "resolved", "")]


def test_closing_without_any_note_is_refused_naming_the_note(api: Api) -> None:
    api.login("3", "c03")
    rating = bad_rating(api, "3")
    answer = api.call("PATCH", f"/api/follow-ups/{rating['id']}", json={"status": "resolved"})
    assert answer.status_code == 422 and answer.json()["field"] == "note"
    assert api.ok("GET", "/api/follow-ups")[0]["state"] == "open"


def test_states_overdue_and_counts(api: Api) -> None:
    api.login("3", "c03")
    first = bad_rating(api, "3")
    api.clock.advance(days=10)
    second = bad_rating(api, "3")
    bad_rating(api, "3")
    api.ok("PATCH", f"/api/follow-ups/{second['id']}",
           json={"status": "contacted", "note": "已联系"})
    api.clock.advance(days=6)  # the first is 16 days old: past its 15 days
    overdue = api.ok("GET", "/api/follow-ups?state=overdue")
    assert [f["id"] for f in overdue] == [first["id"]] and overdue[0]["overdue"]
    assert [f["id"] for f in api.ok("GET", "/api/follow-ups?state=in_progress")] == [second["id"]]
    assert len(api.ok("GET", "/api/follow-ups?state=open")) == 2
    assert api.ok("GET", "/api/follow-ups/counts") == {
        "open": 2, "in_progress": 1, "closed": 0, "overdue": 1, "total": 3}
    api.ok("PATCH", f"/api/follow-ups/{first['id']}", json={"status": "closed", "note": "已整改"})
    assert api.ok("GET", "/api/follow-ups?state=overdue") == []
    assert api.ok("GET", "/api/follow-ups/counts")["closed"] == 1
    assert api.get("/api/follow-ups/counts", KIOSK).status_code == 403
    assert api.get("/api/follow-ups?state=late").status_code == 422


def test_a_period_narrows_the_list_and_the_counts(api: Api) -> None:
    api.login("3", "c03")
    bad_rating(api, "3")  # Monday 23 November
    api.clock.advance(days=1)
    api.login("3", "c03")
    second = bad_rating(api, "3")  # Tuesday 24 November
    listed = api.ok("GET", "/api/follow-ups?from=2026-11-24&to=2026-11-30")
    assert [f["id"] for f in listed] == [second["id"]]
    assert api.ok("GET", "/api/follow-ups/counts?to=2026-11-23")["total"] == 1
    assert api.ok("GET", "/api/follow-ups/counts?from=2026-11-23&to=2026-11-24")["open"] == 2
    assert api.get("/api/follow-ups/counts?from=23.11.2026").status_code == 422


def test_a_note_written_before_the_history_was_kept_still_counts(api: Api) -> None:
    api.login("3", "c03")
    rating = bad_rating(api, "3")
    with sqlite3.connect(api.db) as db:  # as an older hallq left it: the note in the rating
        db.execute("UPDATE ratings SET follow_up = 'contacted', follow_up_note = '已回访' "
                   "WHERE id = ?", (rating["id"],))
    closed = api.ok("PATCH", f"/api/follow-ups/{rating['id']}", json={"status": "closed"})
    assert closed["state"] == "closed" and closed["follow_up_note"] == "已回访"
