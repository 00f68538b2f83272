"""Alarms on the event stream of a real server (loopback port, real WebSocket): a kiosk's
printer runs out of paper, ``alarm.raised`` follows; paper back, ``alarm.cleared``. And the
devices the server heard from are still known after a restart of the server process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from hallq import contract
from tests.live_server import ADMIN, DISPLAY, KIOSK, LiveServer, live_server
from tests.server.realfix import RealServer


def next_of(ws: ClientConnection, kind: str) -> dict[str, Any]:
    for _ in range(50):
        event: dict[str, Any] = json.loads(ws.recv(timeout=5))
        if event["type"] == kind:
            return event
    raise AssertionError(f"no {kind} event")


def beat(server: LiveServer, printer: str) -> None:
    with server.http(KIOSK) as kiosk:
        kiosk.post("/api/devices/heartbeat", json={"app": "kiosk", "host": "pc1",
                                                   "printer": printer}).raise_for_status()


def test_a_printer_alarm_is_raised_and_cleared_on_the_event_stream(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server:
        url = server.url.replace("http://", "ws://") + "/api/events"
        with connect(url, additional_headers={"Authorization": f"Bearer {DISPLAY}"},
                     open_timeout=5) as ws:
            hello = json.loads(ws.recv(timeout=5))
            beat(server, "paper_out")
            raised = next_of(ws, "alarm.raised")
            assert raised["seq"] == hello["seq"] + 1  # in the stream's order, no gap
            alarm = contract.Event.model_validate(raised).alarm
            assert alarm is not None and alarm.kind == "printer"
            assert alarm.key == "printer:kiosk-1/kiosk/pc1" and "缺纸" in alarm.message
            assert raised == contract.Event.model_validate(raised).model_dump(
                mode="json", exclude_unset=True)
            with server.http(ADMIN) as admin:
                assert [a["key"] for a in admin.get("/api/alarms").json()] == [alarm.key]
            beat(server, "ok")
            cleared = next_of(ws, "alarm.cleared")
            assert cleared["alarm"]["key"] == alarm.key
            with server.http(ADMIN) as admin:
                assert admin.get("/api/alarms").json() == []


@pytest.mark.slow  # two server processes, one after the other
def test_the_devices_heard_from_are_known_after_a_restart(tmp_path: Path) -> None:
    first = RealServer(tmp_path / "h.db").start()
    try:
        first.ok("POST", "/api/devices/heartbeat", KIOSK, json={"app": "kiosk",
                                                                "printer": "offline"})
    finally:
        first.stop()
    again = RealServer(tmp_path / "h.db").start()
    try:
        devices = again.ok("GET", "/api/devices")
        assert [(d["device"], d["app"], d["printer"]) for d in devices] == [
            ("kiosk-1", "kiosk", "offline")]
        assert [a["kind"] for a in again.ok("GET", "/api/alarms")] == ["printer"]
    finally:
        again.stop()
