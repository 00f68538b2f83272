"""Making the per-day summary of closed days from their raw rows (report_day_store.py).

The raw rows of a run of days are added up by day and group (the same SQL as a report's, with
the wait histogram), then each day's summary is stored unless the day changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy.engine import Engine

from hallq.server.storage import report_day_store as days_store
from hallq.server.storage.report_period_queries import Read, raw_sums
from hallq.server.storage.report_sql import Days, Sql

DIMS = ("hall", "service", "window", "clerk", "hour", "reason")  # "day": the hall's rows
CHUNK = 31  # days added up at once: a month's groups and buckets fit in memory


def runs(days: list[date]) -> Days:
    """Sorted days as ranges of consecutive days."""
    out: Days = []
    for day in sorted(days):
        if out and out[-1][1] + timedelta(days=1) == day:
            out[-1] = (out[-1][0], day)
        else:
            out.append((day, day))
    return out


def make(engine: Engine, sql: Sql, days: list[date], fingerprint: Callable[[date], str],
         now: datetime) -> set[date]:
    """Summaries of these closed days; the days actually stored (a day whose rows changed
    while it was being added up is left for the next report)."""
    stored: set[date] = set()
    ordered = sorted(days)
    for first in range(0, len(ordered), CHUNK):
        chunk = ordered[first:first + CHUNK]
        with engine.begin() as conn:
            generations = days_store.claim(conn, chunk)
        per_day: dict[date, days_store.Day] = {day: {} for day in chunk}
        read = Read(runs(chunk), by_day=True, exact_p90=False, histogram=True)
        with engine.connect() as conn:
            for dim in DIMS:
                for (day, key), sums in raw_sums(conn, sql, dim, read).items():
                    per_day[day][dim, key] = sums
        with engine.begin() as conn:
            for day in chunk:
                if days_store.store(conn, day, generations[day], fingerprint(day),
                                    per_day[day], now):
                    stored.add(day)
    return stored


