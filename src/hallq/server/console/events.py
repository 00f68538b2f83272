"""``WS /console/events``: the live hall's panels, re-rendered after every burst of events.

A browser cannot put an ``Authorization`` header on a WebSocket, so this stream is the
console's own: the session cookie (sent with the handshake, SameSite=Strict) and a same-origin
check. It listens to the server's one event publisher (the ``Broadcaster`` the apps' stream
uses); after each burst of events it sends the panels in the browser's language as an HTML
fragment (``live_stream.html``) that htmx's WebSocket extension swaps into the page, with
``#live-meta``'s ``data-seq``, ``data-at`` and ``data-server-ms`` (the time taken to build
them). Close code 4401: no session (the page goes to the log-in); 1013 "try again later": too
far behind (htmx reconnects, and the first message after brings the whole hall again).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool
from markupsafe import Markup

from hallq.server.api.events import GONE, Broadcaster
from hallq.server.console import live
from hallq.server.console import session as s
from hallq.server.console.pages import TEMPLATES

router = APIRouter(prefix="/console")
TRY_AGAIN = 1013  # a close code htmx's WebSocket extension reconnects after


def _same_origin(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == websocket.headers.get("host")


@router.websocket("/events")
async def console_events(websocket: WebSocket) -> None:
    accounts = websocket.app.state.accounts
    token = websocket.cookies.get(s.SESSION_COOKIE)
    session = await run_in_threadpool(accounts.session, token)
    await websocket.accept()
    if session is None or not _same_origin(websocket):
        await websocket.close(code=4401, reason="log in to the console first")
        return
    broadcaster: Broadcaster = websocket.app.state.broadcaster
    queue = broadcaster.subscribe()  # before the first rendering: nothing falls in between
    base = live.base_context(websocket, session)
    receiver = asyncio.create_task(_drain(websocket, queue))
    try:
        await _send(websocket, base)
        while True:
            batch = [await queue.get()]  # and all that waits: one rendering for a burst
            while not queue.empty():
                batch.append(queue.get_nowait())
            if GONE in batch:
                break
            if None in batch:  # too far behind: dropped by the publisher; the page reconnects
                await websocket.close(code=TRY_AGAIN, reason="too slow")
                break
            if await run_in_threadpool(accounts.session, token) is None:  # logged out, disabled
                await websocket.close(code=4401, reason="the session has ended")
                break
            await _send(websocket, base)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        receiver.cancel()
        broadcaster.unsubscribe(queue)


async def _send(websocket: WebSocket, base: dict[str, Any]) -> None:
    started = time.perf_counter()
    data = await run_in_threadpool(live.live_data, websocket.app.state)
    html = Markup(live.panels(base, data))  # rendered and escaped by its own template
    took = round((time.perf_counter() - started) * 1000, 2)  # the server's side, for the bench
    await websocket.send_text(TEMPLATES.get_template("live_stream.html").render(
        seq=data["live"].seq, at=data["live"].at, server_ms=took, panels=html))


async def _drain(websocket: WebSocket, queue: asyncio.Queue[str | None]) -> None:
    """The browser went away: its queue says so (as the apps' stream does, api/events.py)."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            await websocket.receive_text()
    with contextlib.suppress(asyncio.QueueFull):
        queue.put_nowait(GONE)
