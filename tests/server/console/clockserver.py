"""The example hall's real server (loopback port, a thread of the test process) on a clock the
test moves, with the console's test accounts. Headless Chromium comes from browser.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hallq.server.bootstrap import Server, build
from tests.live_server import ADMIN, HALL, LiveServer, serving
from tests.server.apifix import MONDAY_10, FakeClock
from tests.server.console.consolefix import add_users


@dataclass
class ClockServer(LiveServer):
    clock: FakeClock


@contextmanager
def clock_server(db: Path, start: datetime = MONDAY_10) -> Iterator[ClockServer]:
    clock = FakeClock(start)
    built: Server = build(HALL, f"sqlite:///{db}", admin_token=ADMIN, clock=clock)
    add_users(built)
    try:
        with serving(built) as (url, server):
            yield ClockServer(url, built, server, clock)
    finally:
        built.service.store.engine.dispose()


def text_of(browser: Any, css: str) -> str:
    """The text of the elements matching ``css``, read in one step (the live page swaps its
    panels at any moment)."""
    text = browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(e => e.innerText).join('\\n');", css)
    return str(text)
