"""A server process killed with -9 loses nothing it acknowledged (SQLite in WAL mode)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server.realfix import KIOSK, PADS, RealServer

pytestmark = pytest.mark.slow


def test_state_survives_kill_9(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db")
    try:
        server.start()
        for service in ["biz", "biz", "tax", "social", "biz", "estate"]:
            server.ok("POST", "/api/tickets", KIOSK, json={"service": service})
        server.ok("POST", "/api/tickets", KIOSK, json={"service": "biz", "priority": True})
        server.login("1", "c01")
        server.login("4", "c02")
        server.login("9", "c03")
        server.login("5", "c04")
        server.ok("POST", "/api/windows/4/next", PADS)
        server.ok("POST", "/api/windows/1/next", PADS)
        server.ok("POST", "/api/windows/9/next", PADS)
        server.ok("POST", "/api/windows/9/finish", PADS)
        server.ok("POST", "/api/windows/9/pause", PADS, json={"reason": "午休"})
        server.ok("POST", "/api/windows/1/skip", PADS)
        before = server.ok("GET", "/api/state")
        tickets_before = [server.ok("GET", f"/api/tickets/{i}") for i in range(1, 8)]
        server.kill9()

        server.start()
        after = server.ok("GET", "/api/state")
        for key in ("windows", "waiting", "hall"):
            assert after[key] == before[key], key
        window9 = next(w for w in after["windows"] if w["id"] == "9")
        assert window9["status"] == "paused" and window9["pause_reason"] == "午休"
        current = next(w for w in after["windows"] if w["id"] == "4")["current"]
        assert current["number"] == "A004" and current["priority"]  # the green channel
        assert [server.ok("GET", f"/api/tickets/{i}") for i in range(1, 8)] == tickets_before
        assert server.ok("POST", "/api/tickets", KIOSK,
                         json={"service": "biz"})["number"] == "A005"
        assert server.ok("POST", "/api/tickets", KIOSK,
                         json={"service": "tax"})["number"] == "E002"
    finally:
        server.stop()


def test_nothing_acknowledged_is_lost_when_killed_mid_stream(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db")
    acknowledged: list[dict[str, Any]] = []
    stop = threading.Event()

    def issue_forever() -> None:
        with httpx.Client(base_url=server.url, timeout=2,
                          headers={"Authorization": f"Bearer {KIOSK}"}) as client:
            while not stop.is_set():
                try:
                    response = client.post("/api/tickets", json={"service": "fund"})
                except httpx.HTTPError:
                    return
                if response.status_code == 201:
                    acknowledged.append(response.json())

    try:
        server.start()
        worker = threading.Thread(target=issue_forever)
        worker.start()
        while len(acknowledged) < 30 and worker.is_alive():
            threading.Event().wait(0.02)
        server.kill9()
        stop.set()
        worker.join(timeout=10)
        assert len(acknowledged) >= 30
        server.start()
        for ticket in acknowledged:
            again = server.ok("GET", f"/api/tickets/{ticket['id']}")
            assert again["number"] == ticket["number"]
        nxt = server.ok("POST", "/api/tickets", KIOSK, json={"service": "fund"})
        assert int(nxt["number"][1:]) > max(int(t["number"][1:]) for t in acknowledged)
    finally:
        stop.set()
        server.stop()
