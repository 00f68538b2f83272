"""A token the hall does not know is a 401 (or close 4401), whatever its characters: never a
500 (issue 15, point 3). Against a real server on a loopback port."""

from __future__ import annotations

import base64
import os
import socket
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.live_server import live_server

ODD = ["测试令牌", "é", "tok\u00e9n-\u00ff", "a" * 5000]


def handshake_with_raw_header(port: int, header: bytes) -> bytes:
    """A WebSocket handshake whose Authorization header carries raw (UTF-8) bytes, as no
    polite client library would send: what comes back, up to the server closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        key = base64.b64encode(os.urandom(16))
        sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     b"Connection: Upgrade\r\nSec-WebSocket-Key: " + key +
                     b"\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + header +
                     b"\r\n\r\n")
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
            if b"\x88" in answer.partition(b"\r\n\r\n")[2]:  # a close frame
                break
        return answer


def test_non_ascii_and_odd_tokens_are_refused_with_401_not_500(tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db") as server, httpx.Client(base_url=server.url,
                                                                timeout=5) as http:
        for token in ODD:
            for raw in (token.encode(), token.encode("latin-1", errors="replace")):
                answer = http.get("/api/state", headers={b"Authorization": b"Bearer " + raw})
                assert answer.status_code == 401, (token, answer.status_code, answer.text)
        port = int(server.url.rsplit(":", 1)[1])
        for token in ODD:
            url = f"ws://127.0.0.1:{port}/api/events?token={quote(token, safe='')}"
            with pytest.raises(ConnectionClosed) as closed, connect(url, open_timeout=5) as ws:
                ws.recv(timeout=5)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
            reply = handshake_with_raw_header(port, token.encode())
            assert reply.startswith(b"HTTP/1.1 101"), reply[:200]
            assert b"\x88" in reply and (4401).to_bytes(2, "big") in reply  # close 4401
