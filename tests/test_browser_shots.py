"""``hallq.browser_shots``: a manager's view of the console as a picture, logged in through
the form, at the desktop's size (what ``hallq demo --screenshots`` puts in the README)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from hallq.browser_shots import LIVE_READY, console_pictures
from tests.live_server import LiveServer
from tests.server.console.browser import needs_chromium


@needs_chromium
@pytest.mark.slow  # headless Chromium: ~3 s
def test_the_live_hall_is_pictured_logged_in_at_full_hd(server: LiveServer,
                                                        tmp_path: Path) -> None:
    server.server.app.state.accounts.add("manager", "admin", "hallq-demo")
    saved = console_pictures(server.url, "manager", "hallq-demo",
                             [("/console", "live.png", LIVE_READY)], tmp_path)
    assert saved == [tmp_path / "live.png"]
    data = saved[0].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1920, 1080)
    assert len(data) > 30_000  # a page, not a blank or the log-in form
    audit = server.server.app.state.accounts.audit_log()
    assert (audit[0]["user"], audit[0]["action"], audit[0]["outcome"]) == (
        "manager", "login", "ok")
