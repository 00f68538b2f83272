"""What the clerk and the hall do in these tests, through the real server's API."""

from __future__ import annotations

from typing import Any

from tests.live_server import KIOSK, WINDOWS, LiveServer

WINDOW = "3"


def open_window(server: LiveServer, window: str = WINDOW) -> None:
    """Clerk c03 (张敏, ZW003) logs in at window 3."""
    server.login(window, "c03", "3456")


def serve_one(server: LiveServer, window: str = WINDOW, service: str = "biz",
              finish: bool = True) -> dict[str, Any]:
    """A ticket is taken, called at ``window`` and (by default) finished: the served ticket."""
    with server.http(KIOSK) as kiosk:
        issued = kiosk.post("/api/tickets", json={"service": service})
        issued.raise_for_status()
    with server.http(WINDOWS) as pad:
        pad.post(f"/api/windows/{window}/next").raise_for_status()
        if finish:
            pad.post(f"/api/windows/{window}/finish").raise_for_status()
        ticket: dict[str, Any] = pad.get(f"/api/tickets/{issued.json()['id']}").json()
    # the citizen's QR code: only the kiosk's answer carries it, never a pad's read
    return {**ticket, "status_url": issued.json()["status_url"]}


def token_of(ticket: dict[str, Any]) -> str:
    return str(ticket["status_url"]).rsplit("/t/", 1)[1]


def follow_ups(server: LiveServer) -> list[dict[str, Any]]:
    with server.http() as admin:
        found: list[dict[str, Any]] = admin.get("/api/follow-ups").json()
    return found


def daily(server: LiveServer) -> dict[str, Any]:
    with server.http() as admin:
        report: dict[str, Any] = admin.get("/api/reports/daily").json()
    return report


def rating_of(server: LiveServer, ticket_id: int) -> dict[str, Any] | None:
    """The rating stored for a ticket, or None (read from the server's own store)."""
    from hallq.server.service.views import rating_view

    hs = server.server.service
    found = hs.store.rating_for(ticket_id)
    return rating_view(found, hs.tz).model_dump(mode="json") if found else None
