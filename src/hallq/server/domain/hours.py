"""Opening hours: "mon-fri 09:00-12:00" strings, and whether a moment falls inside them."""

from __future__ import annotations

from datetime import datetime, time

from hallq.server.domain.errors import Invalid
from hallq.server.domain.hall import WEEKDAYS, OpenPeriod


def parse_period(text: str) -> OpenPeriod:
    """Parse ``"mon-fri 09:00-12:00"``, ``"sat 09:00-12:00"`` or ``"mon,wed 13:30-17:00"``."""
    try:
        days_text, span = text.split()
        start_text, end_text = span.split("-")
        start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
    except ValueError as exc:
        raise Invalid(f'"{text}" is not like "mon-fri 09:00-12:00"') from exc
    days: set[int] = set()
    for part in days_text.lower().split(","):
        first, _, last = part.partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise Invalid(f'"{text}": weekdays are {", ".join(WEEKDAYS)}')
        a, b = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    if end <= start:
        raise Invalid(f'"{text}": the end must come after the start')
    return OpenPeriod(frozenset(days), start, end)


def is_open(periods: tuple[OpenPeriod, ...], local: datetime) -> bool:
    """Always open when no periods are configured."""
    if not periods:
        return True
    now = local.time()
    return any(
        local.weekday() in p.weekdays and p.start <= now < p.end for p in periods
    )


def describe(periods: tuple[OpenPeriod, ...]) -> str:
    if not periods:
        return "00:00-24:00"
    return ", ".join(f"{_days(p.weekdays)} {p.start:%H:%M}-{p.end:%H:%M}" for p in periods)


def _days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{WEEKDAYS[ordered[0]]}-{WEEKDAYS[ordered[-1]]}"
    return ",".join(WEEKDAYS[d] for d in ordered)
