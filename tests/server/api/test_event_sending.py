"""A subscriber that stops reading is dropped (close 4408) within seconds and its backlog
freed, while a healthy subscriber alongside receives every event (issue 15, point 5)."""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest
from websockets.sync.client import connect

from hallq.server.api import event_sending
from tests.live_server import DISPLAY, KIOSK, live_server

BURST = 1500
PAD = "x" * 8000  # big events fill the stuck client's socket buffers quickly


ESTABLISHED = 1  # Linux's tcp_info state


def tcp_state(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]


def stuck_client(port: int, token: str) -> socket.socket:
    """A WebSocket handshake by hand, then never another read: a tiny receive buffer so the
    server's sends soon block, as with a frozen app or a dead Wi-Fi link."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                  "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Authorization: Bearer {token}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)  # only the handshake's answer, byte by byte: nothing more
    assert head.startswith(b"HTTP/1.1 101"), head
    return sock


@pytest.mark.slow  # waits for the stuck subscribers to be dropped: ~7.5 s here
def test_a_subscriber_that_stops_reading_is_dropped_and_the_others_get_everything(
        tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db") as server:
        port = int(server.url.rsplit(":", 1)[1])
        broadcaster = server.server.broadcaster
        received: list[int] = []
        healthy_ready, finished = threading.Event(), threading.Event()

        def healthy() -> None:
            url = f"ws://127.0.0.1:{port}/api/events"
            with connect(url, additional_headers={"Authorization": f"Bearer {DISPLAY}"},
                         max_size=None, open_timeout=5) as ws:
                json.loads(ws.recv(timeout=5))  # hello
                healthy_ready.set()
                while len(received) < BURST + 1:
                    event = json.loads(ws.recv(timeout=30))
                    received.append(event.get("n", -1))
                finished.wait(30)  # stays connected: a healthy display

        reader = threading.Thread(target=healthy, daemon=True)
        reader.start()
        assert healthy_ready.wait(5)
        stuck = [stuck_client(port, DISPLAY) for _ in range(3)]
        deadline = time.monotonic() + 5
        while len(broadcaster.subscribers) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(broadcaster.subscribers) == 4

        started = time.monotonic()
        for n in range(BURST):
            broadcaster.publish({"type": "test.burst", "n": n, "pad": PAD})
        with server.http(KIOSK) as http:  # and a real command's event after the burst
            http.post("/api/tickets", json={"service": "biz"}).raise_for_status()

        limit = event_sending.SEND_TIMEOUT_S + event_sending.CLOSE_TIMEOUT_S + 10
        while len(broadcaster.subscribers) > 1 and time.monotonic() - started < limit:
            time.sleep(0.05)
        dropped_after = time.monotonic() - started
        assert len(broadcaster.subscribers) == 1, "the stuck subscribers are still held"
        finished.set()
        reader.join(timeout=30)
        assert received[:BURST] == list(range(BURST))  # every event, in order
        assert len(received) == BURST + 1
        # the server let go of their connections while they still read nothing: not only a
        # close frame queued behind megabytes they will never read
        deadline = time.monotonic() + 10
        while any(tcp_state(s) == ESTABLISHED for s in stuck) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [tcp_state(s) for s in stuck].count(ESTABLISHED) == 0
        for sock in stuck:
            sock.close()
        print(f"stuck subscribers dropped after {dropped_after:.1f} s")
