"""How a refusal reads: 404 for unknown things, 409 with a reason, 422 naming the field."""

from __future__ import annotations

from tests.server.apifix import ADMIN, BRIDGE, KIOSK, PAD3, PADS, Api, detail


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
