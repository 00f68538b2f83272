"""Opening hours: "mon-fri 09:00-12:00" strings, public holidays and make-up working days (调休),
whether a moment falls inside them, and when the hall opens next."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

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


NO_DAYS: frozenset[date] = frozenset()
LOOK_AHEAD_DAYS = 400  # a hall closed longer than this has no "next opening" worth showing


def parse_make_up_day(text: str) -> tuple[date, int]:
    """``"2026-10-10"`` works with Monday's hours; ``"2026-10-10 fri"`` with Friday's."""
    day_text, _, weekday = text.strip().partition(" ")
    try:
        day = date.fromisoformat(day_text)
    except ValueError as exc:
        raise Invalid(f'"{text}" is not like "2026-10-10" or "2026-10-10 fri"') from exc
    weekday = weekday.strip().lower() or "mon"
    if weekday not in WEEKDAYS:
        raise Invalid(f'"{text}": the weekday whose hours it keeps is one of '
                      f'{", ".join(WEEKDAYS)}')
    return day, WEEKDAYS.index(weekday)


def parse_holiday(text: str) -> list[date]:
    """``"2026-10-01"`` or a range ``"2026-10-01..2026-10-07"`` (both days closed)."""
    first_text, dots, last_text = text.strip().partition("..")
    try:
        if dots and not last_text:
            raise ValueError("no last day")
        first = date.fromisoformat(first_text)
        last = date.fromisoformat(last_text) if last_text else first
    except ValueError as exc:
        raise Invalid(f'"{text}" is not like "2026-10-01" or "2026-10-01..2026-10-07"') from exc
    if last < first or (last - first).days > 366:
        raise Invalid(f'"{text}": the last day must follow the first, within a year')
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _weekday(day: date, make_up: Mapping[date, int]) -> int:
    return make_up.get(day, day.weekday())


def is_open(periods: tuple[OpenPeriod, ...], local: datetime,
            holidays: frozenset[date] = NO_DAYS, make_up: Mapping[date, int] | None = None
            ) -> bool:
    """Always open when no periods are configured, except on a holiday. A make-up working day
    (调休) keeps the hours of the weekday it names, even on a weekend."""
    if local.date() in holidays:
        return False
    if not periods:
        return True
    now, weekday = local.time(), _weekday(local.date(), make_up or {})
    return any(weekday in p.weekdays and p.start <= now < p.end for p in periods)


def next_opening(periods: tuple[OpenPeriod, ...], local: datetime,
                 holidays: frozenset[date] = NO_DAYS, make_up: Mapping[date, int] | None = None
                 ) -> datetime | None:
    """The first moment after ``local`` (in its zone) when the hours open again; None when
    always open or not within about a year."""
    make_up = make_up or {}
    for offset in range(LOOK_AHEAD_DAYS):
        day = local.date() + timedelta(days=offset)
        if day in holidays:
            continue
        if not periods:
            return None if offset == 0 else datetime.combine(day, time(), local.tzinfo)
        weekday = _weekday(day, make_up)
        starts = sorted(p.start for p in periods if weekday in p.weekdays)
        for start in starts:
            if offset or start > local.time():
                return datetime.combine(day, start, local.tzinfo)
    return None


def describe(periods: tuple[OpenPeriod, ...]) -> str:
    if not periods:
        return "00:00-24:00"
    return ", ".join(f"{_days(p.weekdays)} {p.start:%H:%M}-{p.end:%H:%M}" for p in periods)


def _days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"{WEEKDAYS[ordered[0]]}-{WEEKDAYS[ordered[-1]]}"
    return ",".join(WEEKDAYS[d] for d in ordered)
