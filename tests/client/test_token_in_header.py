"""Apps send their token in the handshake's Authorization header, never in the event stream's
URL, where logs and proxies would keep it (issue 15, point 4)."""

from __future__ import annotations

import socket
import threading

from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from tests.live_server import DISPLAY, LiveServer


def test_the_event_stream_handshake_carries_the_token_in_a_header(qtbot: QtBot) -> None:
    heads: list[bytes] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def record_one_handshake() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head:
                head += conn.recv(4096)
            heads.append(head)

    thread = threading.Thread(target=record_one_handshake, daemon=True)
    thread.start()
    client = HallClient(f"http://127.0.0.1:{port}", "secret-tok-42", retry_ms=(60000, 60000))
    client.start()
    qtbot.waitUntil(lambda: bool(heads), timeout=5000)
    client.stop()
    thread.join(timeout=5)
    listener.close()
    request_line, *headers = heads[0].decode().split("\r\n")
    assert request_line == "GET /api/events HTTP/1.1"
    assert "authorization: bearer secret-tok-42" in [h.lower() for h in headers]


def test_an_app_goes_online_with_its_token_in_the_header(qtbot: QtBot,
                                                         server: LiveServer) -> None:
    client = HallClient(server.url, DISPLAY)
    assert "token" not in client.events_request().url().toString()
    with qtbot.waitSignal(client.snapshotChanged, timeout=5000):
        client.start()
    assert client.online
    client.stop()
