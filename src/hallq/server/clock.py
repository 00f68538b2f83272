"""Clocks for the server: real time, or a demo day running faster than real time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def scaled(scale: float, start: datetime) -> Callable[[], datetime]:
    """Hall time that begins at ``start`` and runs ``scale`` times faster than real time."""
    if scale <= 0:
        raise ValueError("the time scale must be greater than 0")
    origin = time.monotonic()

    def now() -> datetime:
        return start + timedelta(seconds=(time.monotonic() - origin) * scale)

    return now


def today_at(hhmm: str, timezone: str) -> datetime:
    """Today's ``HH:MM`` in the hall's time zone, as an aware UTC time."""
    from zoneinfo import ZoneInfo

    hour, minute = (int(p) for p in hhmm.split(":"))
    local = datetime.now(ZoneInfo(timezone)).replace(hour=hour, minute=minute, second=0,
                                                     microsecond=0)
    return local.astimezone(UTC)
