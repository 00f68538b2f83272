"""The calls of a window: log-in, pause, next, call, transfer, skip and restore."""

from __future__ import annotations

from tests.server.apifix import DISPLAY, PADS, Api, detail


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
