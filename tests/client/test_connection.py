"""The shared client against a real server: snapshot, events, errors, offline and back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient, Reply
from tests.live_server import KIOSK, WINDOWS, LiveServer, free_port, live_server


def call(qtbot: QtBot, client: HallClient, method: str, path: str,
         body: dict[str, Any] | None = None) -> Reply:
    got: list[Reply] = []
    if method == "GET":
        client.get(path, got.append)
    else:
        client.post(path, body, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got[0]


def test_snapshot_then_events_keep_the_state_current(qtbot: QtBot, server: LiveServer) -> None:
    server.login("1")
    client = HallClient(server.url, WINDOWS)
    with qtbot.waitSignal(client.snapshotChanged, timeout=5000):
        client.start()
    assert client.online
    assert client.snapshot["windows"][0]["status"] == "open"
    kiosk = HallClient(server.url, KIOSK)
    with qtbot.waitSignal(client.eventReceived, timeout=5000) as issued:
        reply = call(qtbot, kiosk, "POST", "/api/tickets", {"service": "biz"})
    assert reply.status == 201 and reply.data["number"] == "A001"
    assert issued.args[0]["type"] == "ticket.issued"
    assert client.snapshot["waiting"]["biz"] == 1
    with qtbot.waitSignal(client.eventReceived, timeout=5000,
                          check_params_cb=lambda e: e["type"] == "ticket.called"):
        call(qtbot, client, "POST", "/api/windows/1/next")
    window = client.snapshot["windows"][0]
    assert window["current"]["number"] == "A001"
    assert client.snapshot["last_calls"][0]["number"] == "A001"
    assert client.snapshot["waiting"]["biz"] == 0
    client.stop()


def test_errors_carry_the_servers_code_and_reason(qtbot: QtBot, server: LiveServer) -> None:
    client = HallClient(server.url, WINDOWS)
    reply = call(qtbot, client, "POST", "/api/windows/1/recall")
    assert reply.status == 409 and reply.code == "no_current"
    assert "recall" in reply.message
    denied = call(qtbot, HallClient(server.url, "not-a-token-at-all"), "GET", "/api/state")
    assert denied.status == 401


def test_offline_is_said_and_the_client_comes_back(qtbot: QtBot, tmp_path: Path) -> None:
    port = free_port()
    client = HallClient(f"http://127.0.0.1:{port}", WINDOWS, retry_ms=(100, 300))
    client.start()
    reply = call(qtbot, client, "GET", "/api/state")
    assert reply.code == "offline" and not client.online
    with live_server(tmp_path / "h.db", port=port):
        with qtbot.waitSignal(client.onlineChanged, timeout=5000) as up:
            pass
        assert up.args == [True]
    # the server is gone: the client says so by itself
    qtbot.waitUntil(lambda: not client.online, timeout=8000)
    assert call(qtbot, client, "GET", "/api/state").code == "offline"
    client.stop()
