"""A device's health from its heartbeats (domain only): which token runs which app, and since
when its printer has been in its state."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hallq.server.domain.devices import heartbeat
from hallq.server.domain.errors import Forbidden, Invalid
from tests.server.domain.hallfix import START


def test_the_printer_state_keeps_its_start_until_it_changes() -> None:
    first = heartbeat(None, "kiosk-1", "kiosk", "kiosk", None, "pc1", "paper_out", START)
    later = START + timedelta(minutes=3)
    again = heartbeat(first, "kiosk-1", "kiosk", "kiosk", None, "pc1", "paper_out", later)
    assert again.last_seen == later and again.printer_since == START
    fixed = heartbeat(again, "kiosk-1", "kiosk", "kiosk", None, "pc1", "ok", later)
    assert fixed.printer == "ok" and fixed.printer_since == later
    assert first.key == "kiosk-1/kiosk/pc1" and first.label() == "取号机 kiosk-1 (pc1)"
    pad = heartbeat(None, "pads-all", "window", "rating", "3", "", None, START)
    assert pad.label(english=True) == "Rating pad pads-all, window 3"


def test_a_token_reports_only_the_apps_it_runs() -> None:
    assert heartbeat(None, "pads-all", "window", "caller", "3", "", None, START).app == "caller"
    with pytest.raises(Forbidden):
        heartbeat(None, "tv-1", "display", "kiosk", None, "", None, START)
    with pytest.raises(Invalid, match="printer"):
        heartbeat(None, "tv-1", "display", "display", None, "", "ok", START)
    with pytest.raises(Invalid, match="window"):
        heartbeat(None, "kiosk-1", "kiosk", "kiosk", "3", "", None, START)
    with pytest.raises(Invalid, match="app"):
        heartbeat(None, "kiosk-1", "kiosk", "toaster", None, "", None, START)
