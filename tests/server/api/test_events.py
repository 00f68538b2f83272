"""The event stream (/api/events): a hello snapshot, then every event in order; a token needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from hallq.server.bootstrap import build
from tests.live_server import HALL
from tests.server.realfix import DISPLAY, KIOSK, PADS, RealServer


def ws_url(server: RealServer, token: str) -> str:
    return f"ws://127.0.0.1:{server.port}/api/events?token={token}"


@pytest.mark.slow  # a server process
def test_events_arrive_in_order_after_the_hello_snapshot(real: RealServer) -> None:
    real.ok("POST", "/api/tickets", KIOSK, json={"service": "biz"})
    with connect(ws_url(real, DISPLAY), open_timeout=5, close_timeout=2) as ws:
        hello = json.loads(ws.recv(timeout=5))
        assert hello["type"] == "hello"
        assert hello["state"]["waiting"]["biz"] == 1
        assert len(hello["state"]["windows"]) == 14
        real.login("4", "c02")
        real.ok("POST", "/api/tickets", KIOSK, json={"service": "biz"})
        real.ok("POST", "/api/windows/4/next", PADS)
        real.ok("POST", "/api/windows/4/finish", PADS)
        real.ok("POST", "/api/windows/4/pause", PADS, json={"reason": "会议"})
        real.ok("POST", "/api/windows/4/next", PADS)  # resumes and calls A002
        events = [json.loads(ws.recv(timeout=5)) for _ in range(7)]
    assert [e["type"] for e in events] == [
        "window.opened", "ticket.issued", "ticket.called", "ticket.finished", "window.paused",
        "window.resumed", "ticket.called"]
    assert [e["seq"] for e in events] == list(range(hello["seq"] + 1, hello["seq"] + 8))
    assert all("waiting" in e and e["at"].endswith("+08:00") for e in events)
    # counts as committed by each command (resume and call are one command)
    assert [e["waiting"]["biz"] for e in events] == [1, 2, 1, 1, 1, 0, 0]
    called = events[2]
    assert called["ticket"]["number"] == "A001" and called["window"] == "4"
    assert called["window_name"] == "4号窗口"
    assert events[1]["ticket"]["number"] == "A002"
    assert events[0]["clerk"]["name"] == "李强" and events[4]["reason"] == "会议"


@pytest.mark.slow  # a server process
def test_events_need_a_token(real: RealServer) -> None:
    # accepted only to be closed at once with 4401, the WebSocket "401 Unauthorized"
    for token in ("wrong-token-000000", ""):
        with connect(ws_url(real, token), open_timeout=5) as ws, \
                pytest.raises(ConnectionClosed) as refused:
            ws.recv(timeout=5)
        assert refused.value.rcvd is not None and refused.value.rcvd.code == 4401


def test_the_event_stream_refuses_a_bad_token_with_4401(tmp_path: Path) -> None:
    server = build(HALL, f"sqlite:///{tmp_path / 'h.db'}", open_all_hours=True)
    with TestClient(server.app) as api, pytest.raises(WebSocketDisconnect) as refused, \
            api.websocket_connect("/api/events?token=not-a-real-token") as ws:
        ws.receive_text()
    assert refused.value.code == 4401
