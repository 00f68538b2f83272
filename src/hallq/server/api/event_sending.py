"""Sending events to one subscriber with bounds: a subscriber that stops reading is closed
with 4408 within seconds and its connection cut, instead of holding a socket and megabytes of
buffered events for as long as it likes (docs/events.md)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct

from fastapi import WebSocket, WebSocketDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

SEND_TIMEOUT_S = 5.0  # a subscriber that takes no data for this long has stopped reading
CLOSE_TIMEOUT_S = 2.0
TRANSPORT = "hallq.transport"
log = logging.getLogger("hallq.server.events")


async def send_all(websocket: WebSocket, batch: list[str | None]) -> bool:
    """Send the events in order; False at a drop marker (None) or a subscriber that stopped
    reading."""
    for text in batch:
        if text is None or not await _sent(websocket, text):
            return False
    return True


async def _sent(websocket: WebSocket, text: str) -> bool:
    """Send one event; False when the subscriber has not taken it within the time limit
    (its socket buffers are full because it stopped reading)."""
    try:
        async with asyncio.timeout(SEND_TIMEOUT_S):  # no task per send, unlike wait_for
            await websocket.send_text(text)
    except TimeoutError:
        return False
    return True


async def drop(websocket: WebSocket) -> None:
    """Close with 4408 ("too far behind; reconnect"), bounded: a subscriber that reads
    nothing never takes the close frame either, and then the connection is cut."""
    log.warning("event subscriber %s dropped (4408): it stopped reading", websocket.client)
    try:
        await asyncio.wait_for(websocket.close(code=4408, reason="too far behind; reconnect"),
                               CLOSE_TIMEOUT_S)
    except (TimeoutError, RuntimeError, WebSocketDisconnect):
        _cut(websocket)


def _cut(websocket: WebSocket) -> None:
    """Abort the connection: a plain close waits for the buffered events to be read, which a
    stuck subscriber never does, so its socket and buffers would stay."""
    transport = websocket.scope.get(TRANSPORT)
    if transport is None:
        return
    with contextlib.suppress(AttributeError, OSError, RuntimeError):
        # linger 0: reset at once and free the kernel's buffer too, instead of an orphaned
        # socket that keeps trying to deliver megabytes to a reader that is not there
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()


class KeepTransport:
    """ASGI middleware: puts the connection's transport in a WebSocket's scope, so that a stuck
    subscriber can be cut off. The ASGI server (uvicorn) hands the app its protocol's bound
    ``send``; that protocol holds the transport. Without one (another server), nothing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            scope[TRANSPORT] = getattr(getattr(send, "__self__", None), "transport", None)
        await self.app(scope, receive, send)


