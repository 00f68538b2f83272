"""Reading, writing and forgetting the per-day summary (report_day_tables.py).

A summary is written only if its day did not change while it was being made: every write of a
past day's rows raises the day's ``generation`` in the same transaction (``forget``), and the
summary is stored only where the generation is still the one read before the raw rows were
(``store``). ``report_days.fingerprint`` says what the figures depended on; a summary whose
fingerprint is not today's is made again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from hallq.server.domain.queue import Changes, QueueState
from hallq.server.domain.rating import Rating
from hallq.server.domain.report_period import Sums
from hallq.server.storage.engine import insert_for
from hallq.server.storage.report_day_tables import ReportDayRow, ReportDaySumRow
from hallq.server.storage.report_sql import Days, in_days
from hallq.server.storage.tables import PauseRow, TicketRow

D, S = ReportDayRow, ReportDaySumRow
COUNTS = ("issued", "served", "missed", "cancelled", "waited", "wait_s", "timed", "service_s",
          "within_target", "paused_s")
Day = dict[tuple[str, str], Sums]  # (dimension, key) → sums of one day


def forget(conn: Connection, days: Iterable[date]) -> None:
    """Rows of these past days changed: their summaries are no longer valid (called by the
    store in the transaction of the change)."""
    for day in sorted(set(days)):
        conn.execute(insert_for(conn)(D).values(day=day, generation=1).on_conflict_do_update(
            index_elements=["day"],
            set_={"generation": D.generation + 1, "fingerprint": None, "made_at": None}))


def fingerprints(conn: Connection, start: date, end: date) -> dict[date, str | None]:
    query = select(D.day, D.fingerprint).where(D.day >= start, D.day <= end)
    return {day: fp for day, fp in conn.execute(query)}


def first_day(conn: Connection) -> date | None:
    """The day of the hall's first ticket (the index on ``day`` answers it)."""
    found: date | None = conn.execute(select(func.min(TicketRow.day))).scalar()
    return found


def running_pause_days(conn: Connection, start: date, end: date) -> set[date]:
    """Days with a pause still running: its length grows until it ends (read from raw rows)."""
    return set(conn.execute(select(PauseRow.day).distinct().where(
        PauseRow.ended_at.is_(None), PauseRow.day >= start, PauseRow.day <= end)).scalars())


def claim(conn: Connection, days: list[date]) -> dict[date, int]:
    """The generation of each day, before its raw rows are read."""
    if days:
        conn.execute(insert_for(conn)(D).on_conflict_do_nothing(index_elements=["day"]),
                     [{"day": d, "generation": 0} for d in days])
    found = conn.execute(select(D.day, D.generation).where(D.day.in_(days)))
    return {day: int(generation) for day, generation in found}


def _values(day: date, dim: str, key: str, s: Sums) -> dict[str, Any]:
    waits = s.waits.to_bytes((s.waits.bit_length() + 31) // 32 * 4, "little")
    return {"day": day, "dim": dim, "key": key, **{c: getattr(s, c) for c in COUNTS},
            "longest_wait_s": s.longest_wait_s, "waits": waits,
            **{f"r{n}": s.ratings.get(n, 0) for n in range(1, 6)}}


def store(conn: Connection, day: date, generation: int, fingerprint: str, sums: Day,
          now: datetime) -> bool:
    """Write one day's summary if the day is still at ``generation``; False if it changed."""
    done = conn.execute(update(D).where(D.day == day, D.generation == generation)
                        .values(fingerprint=fingerprint, made_at=now))
    if done.rowcount != 1:
        return False
    conn.execute(delete(S).where(S.day == day))
    rows = [_values(day, dim, key, s) for (dim, key), s in sorted(sums.items())]
    if rows:
        conn.execute(insert(S), rows)
    return True


def _sums(row: Any) -> Sums:
    s = Sums(**{c: row[i] for i, c in enumerate(COUNTS)},
             ratings=Counter({n: row[len(COUNTS) + n - 1] for n in range(1, 6)}))
    s.longest_wait_s = float(row[len(COUNTS) + 5] or 0)
    return s


def read(conn: Connection, days: Days) -> tuple[dict[str, dict[str, Sums]], dict[str, Sums]]:
    """The summed groups of these days by dimension, and the hall's sums of each day."""
    columns = [*(getattr(S, c) for c in COUNTS), *(getattr(S, f"r{n}") for n in range(1, 6))]
    where = in_days(S.day, days)
    groups: dict[str, dict[str, Sums]] = {}
    for row in conn.execute(select(S.dim, S.key, *map(func.sum, columns),
                                   func.max(S.longest_wait_s)).where(where)
                            .group_by(S.dim, S.key)):
        groups.setdefault(row[0], {})[row[1]] = _sums(row[2:])
    by_day = {row[0].isoformat(): _sums(row[1:]) for row in conn.execute(
        select(S.day, *columns, S.longest_wait_s).where(where, S.dim == "hall"))}
    for day, dim, key, blob in conn.execute(select(S.day, S.dim, S.key, S.waits)
                                            .where(where, S.waited > 0)):
        packed = int.from_bytes(blob, "little")
        groups[dim][key].waits += packed
        if dim == "hall":
            by_day[day.isoformat()].waits = packed
    return groups, by_day


def past_days(state: QueueState, changes: Changes, ratings: Iterable[Rating], tz: tzinfo,
              today: date) -> set[date]:
    """The days before ``today`` whose tickets, pauses or ratings a command changed: a ticket
    called or a missed one restored after its day, a pause that ran over midnight."""
    days = {state.tickets[i].day for i in changes.tickets if i in state.tickets}
    days |= {state.pauses[p].started_at.astimezone(tz).date() for p in changes.pauses
             if p in state.pauses}
    days |= {r.rated_at.astimezone(tz).date() for r in ratings}
    return {d for d in days if d < today}
