"""The time from a change to its event at every one of N subscribers of the event stream: N
WebSocket clients listen, a change is made ``rounds`` times, and each arrival of its event is
timed from the moment the change was sent."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.figures import figure

# makes one change; answers when it was sent (perf_counter) and the key of its event
Change = Callable[[httpx.AsyncClient], Awaitable[tuple[float, str]]]
KeyOf = Callable[[dict[str, Any]], str | None]  # an event's key, None for other events


async def fan_out(url: str, token: str, subscribers: int, rounds: int, change: Change,
                  key_of: KeyOf, what: str) -> list[float]:
    """Milliseconds from each change to each subscriber's copy of its event; events that did
    not arrive within 5 s are said as a figure of their own (``what`` names them)."""
    ws_url = url.replace("http://", "ws://") + "/api/events"  # the token in a header
    arrivals: dict[str, list[float]] = {}

    async def listen(ws: ClientConnection) -> None:
        async for text in ws:
            key = key_of(json.loads(text))
            if key is not None:
                arrivals.setdefault(key, []).append(time.perf_counter())

    sockets = []
    for _ in range(subscribers):
        ws = await connect(ws_url, open_timeout=10, max_queue=None,
                           additional_headers={"Authorization": f"Bearer {token}"})
        await ws.recv()  # hello
        sockets.append(ws)
    tasks = [asyncio.create_task(listen(ws)) for ws in sockets]
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        for _ in range(rounds):
            sent, key = await change(http)
            deadline = time.monotonic() + 5
            while len(arrivals.get(key, [])) < subscribers and time.monotonic() < deadline:
                await asyncio.sleep(0.002)
            latencies += [(t - sent) * 1000 for t in arrivals.get(key, [])]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    await asyncio.gather(*tasks, return_exceptions=True)
    missing = rounds * subscribers - len(latencies)
    if missing:
        figure(f"{what} not received within 5 s", str(missing), "0")
    return latencies
