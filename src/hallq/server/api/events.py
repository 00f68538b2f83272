"""``WS /api/events``: every committed change, in order, to every connected app."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool

from hallq.server.api import event_sending as sending
from hallq.server.api.auth import Tokens, bearer

router = APIRouter()
QUEUE_LIMIT = 2000  # a subscriber this far behind is dropped; it reconnects and gets a snapshot
GONE = ""  # in a subscriber's queue: it went away (None: it was dropped, too far behind)


class Broadcaster:
    """Fans events out to subscribers; ``publish`` may be called from any thread."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: int | None = None
        self.subscribers: set[asyncio.Queue[str | None]] = set()

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop, self.thread = loop, threading.get_ident()

    def publish(self, event: dict[str, Any]) -> None:
        if self.loop is None or not self.subscribers:
            return
        text = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
        if threading.get_ident() == self.thread:
            self._fan_out(text)
        else:
            self.loop.call_soon_threadsafe(self._fan_out, text)

    def _fan_out(self, text: str) -> None:
        for queue in list(self.subscribers):
            try:
                queue.put_nowait(text)
            except asyncio.QueueFull:  # too far behind: free its backlog now, mark the drop
                self.subscribers.discard(queue)
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(None)

    def subscribe(self) -> asyncio.Queue[str | None]:
        queue: asyncio.Queue[str | None] = asyncio.Queue(QUEUE_LIMIT)
        self.subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[str | None]) -> None:
        self.subscribers.discard(queue)


@router.websocket("/api/events")
async def events(websocket: WebSocket, token: str | None = None) -> None:
    tokens: Tokens = websocket.app.state.tokens
    token = token or bearer(websocket)  # type: ignore[arg-type]
    if tokens.caller(token) is None:
        # accepted only to say why: close code 4401 is "401 Unauthorized" for WebSockets
        await websocket.accept()
        await websocket.close(code=4401, reason="a valid token is needed")
        return
    await websocket.accept()
    broadcaster: Broadcaster = websocket.app.state.broadcaster
    queue = broadcaster.subscribe()  # before the snapshot: nothing falls in between
    try:
        snapshot = await run_in_threadpool(websocket.app.state.service.snapshot)
        await websocket.send_text(json.dumps({"type": "hello", "seq": snapshot.seq,
                                              "state": snapshot.model_dump(mode="json")},
                                             ensure_ascii=False))
        receiver = asyncio.create_task(_drain(websocket, queue))
        while True:
            batch = [await queue.get()]  # and all that waits: one wake-up for a burst
            while not queue.empty():
                batch.append(queue.get_nowait())
            if GONE in batch:
                break
            if tokens.caller(token) is None:  # revoked meanwhile (live configuration)
                await websocket.close(code=4401, reason="the token was revoked")
                break
            if not await sending.send_all(websocket, batch):
                broadcaster.unsubscribe(queue)
                await sending.drop(websocket)
                break
        receiver.cancel()
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        broadcaster.unsubscribe(queue)


async def _drain(websocket: WebSocket, queue: asyncio.Queue[str | None]) -> None:
    """Read (and ignore) what the client sends, to notice when it goes away: then the
    subscriber's own queue says so (one task per subscriber, not one per event)."""
    try:
        while True:
            await websocket.receive_text()
    except (WebSocketDisconnect, RuntimeError):
        with contextlib.suppress(asyncio.QueueFull):  # full: it is being dropped anyway
            queue.put_nowait(GONE)
