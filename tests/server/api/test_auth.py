"""Who may do what: a token for everything but health, a 403 for the wrong device."""

from __future__ import annotations

from tests.server.apifix import ADMIN, BRIDGE, DISPLAY, KIOSK, PAD3, PADS, Api


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
