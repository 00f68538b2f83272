"""A ticket's secret (its status page, which can rate the ticket as the citizen) goes to the
kiosk that issued it and to nobody else: not on the event stream, not in the state, not to a
display's or a window's read. Real server on a loopback port, real WebSocket."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from websockets.sync.client import connect

from tests.live_server import ADMIN, DISPLAY, HALL, KIOSK, WINDOWS, LiveServer, live_server


def _events(server: LiveServer, token: str, until: str) -> list[str]:
    """Every message a device's event stream gets, up to the first of type ``until``."""
    ws_url = server.url.replace("http://", "ws://") + f"/api/events?token={token}"
    seen: list[str] = []
    with connect(ws_url, open_timeout=5) as ws:
        seen.append(str(ws.recv(timeout=5)))  # hello, with the state
        _serve_one(server)
        while json.loads(seen[-1])["type"] != until:
            seen.append(str(ws.recv(timeout=5)))
    return seen


def _serve_one(server: LiveServer) -> None:
    with server.http(KIOSK) as kiosk:
        kiosk.post("/api/tickets", json={"service": "biz"}).raise_for_status()
    with server.http(WINDOWS) as pad:
        pad.post("/api/windows/3/next").raise_for_status()
        pad.post("/api/windows/3/finish").raise_for_status()


OTHER_KIOSK = "demo-kiosk-token-2"


def test_only_the_issuing_kiosk_gets_the_tickets_secret(tmp_path: Path) -> None:
    config = tmp_path / "hall.toml"  # the example hall with a second kiosk
    config.write_text(HALL.read_text(encoding="utf-8") + f"""
[[devices]]
id = "kiosk-2"
kind = "kiosk"
token = "{OTHER_KIOSK}"
""", encoding="utf-8")
    with live_server(tmp_path / "hall.db", config) as server:
        server.login("3", "c03", "3456")
        with server.http(KIOSK) as kiosk:
            issued = kiosk.post("/api/tickets", json={"service": "biz"}).json()
        secret = issued["status_url"].rsplit("/t/", 1)[1]
        assert issued["status_url"].endswith(f"/t/{secret}") and len(secret) >= 12
        ticket = issued["id"]
        for token in (DISPLAY, WINDOWS, OTHER_KIOSK, KIOSK):
            stream = _events(server, token, until="ticket.finished")
            assert any(json.loads(m)["type"] == "ticket.called" for m in stream)
            assert not any(secret in m or "status_url" in m for m in stream), token
            if token == KIOSK:
                continue  # the issuing kiosk: below
            with server.http(token) as device:
                for path in ("/api/state", f"/api/tickets/{ticket}", "/api/windows/3",
                             "/api/services"):
                    answer = device.get(path)
                    assert answer.status_code == 200, (token, path)
                    assert secret not in answer.text and "status_url" not in answer.text
        with server.http(WINDOWS) as pad:
            pad.post("/api/windows/3/next").raise_for_status()
            skipped = pad.post("/api/windows/3/skip").json()["ticket"]
            assert skipped["status"] == "missed" and "status_url" not in skipped
            missed = pad.get("/api/windows/3/missed")
            assert skipped["number"] in missed.text and "status_url" not in missed.text
        with server.http(KIOSK) as kiosk:  # the kiosk that issued it may read it again
            assert kiosk.get(f"/api/tickets/{ticket}").json()["status_url"] == \
                issued["status_url"]
            state = kiosk.get("/api/state").text
            assert secret not in state and "status_url" not in state
        with server.http(ADMIN) as admin:  # the admin may read it (to reprint, to help)
            assert admin.get(f"/api/tickets/{ticket}").json()["status_url"] == \
                issued["status_url"]
        with httpx.Client(base_url=server.url, timeout=5) as citizen:  # the citizen's own page
            page = citizen.get(f"/t/{secret}")
            assert page.status_code == 200 and issued["number"] in page.text


def test_a_checked_in_appointment_gives_its_secret_to_the_kiosk(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server:
        with server.http(ADMIN) as admin:
            state = admin.get("/api/state").json()
            now = state["at"]
            booked = admin.post("/api/appointments", json={
                "service": "biz", "slot_start": now, "slot_end": now[:11] + "23:59:00" + now[19:],
            })
            assert booked.status_code == 201, booked.text
        with server.http(KIOSK) as kiosk:
            ticket = kiosk.post("/api/tickets", json={"appointment": booked.json()["code"]})
            assert ticket.status_code == 201, ticket.text
            assert "/t/" in ticket.json()["status_url"]
