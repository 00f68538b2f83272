"""The period report's sums: closed days from their per-day summary, today from the raw rows.

A day is closed once the hall's clock is past it (``HallService.day``). A closed day's
summary is made when the day closes (``close_days``, from the readers' day catch-up) or on the
first report over it, and made again when its fingerprint (the services' target times, the
hall's UTC offset) is no longer today's or a change of the day's rows forgot it. Closed days
with a pause still running are read from the raw rows, like today. docs/reports.md.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime, time, timedelta
from typing import Protocol
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

from sqlalchemy.exc import OperationalError

from hallq.server.domain import report_period as rp
from hallq.server.domain.hall import Hall
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.storage import report_day_fill as fill
from hallq.server.storage import report_day_store as days_store
from hallq.server.storage.report_period_queries import Read, follow_ups, raw_sums
from hallq.server.storage.report_sql import Ask, Days, Sql
from hallq.server.storage.store import Store


class HallService(Protocol):
    """What the reports need of the hall's service (hall_service.HallService)."""

    @property
    def hall(self) -> Hall: ...
    @property
    def store(self) -> Store: ...
    @property
    def tz(self) -> ZoneInfo: ...
    @property
    def work(self) -> UnitOfWork: ...
    def clock(self) -> datetime: ...
    def day(self) -> date: ...


log = logging.getLogger("hallq.server.reports")
Groups = dict[str, dict[str, rp.Sums]]
CLOSE_BACK = 7  # days a server looks back for summaries to make when a day closes
BACKFILL_DAYS = 7  # days summarised per step of the background backfill
_closed: WeakKeyDictionary[HallService, date] = WeakKeyDictionary()
_closing = threading.Lock()


def fingerprint(ask: Ask, day: date) -> str:
    offset = next((off for since, off in reversed(ask.offsets) if since <= day),
                  ask.offsets[0][1])
    targets = ",".join(f"{code}={s}" for code, s in sorted(ask.targets.items()))
    return f"utc{offset:+d};{targets}"


def _unsummarised(hs: HallService, ask: Ask, start: date, end: date) -> tuple[list[date],
                                                                              list[date]]:
    """Of the closed days start…end without a pause still running: those with a valid
    summary, and those that lack one (none yet, or one made under other targets or offset)."""
    with hs.store.engine.connect() as conn:
        running = days_store.running_pause_days(conn, start, end)
        made = days_store.fingerprints(conn, start, end)
    valid: list[date] = []
    missing: list[date] = []
    for day in (start + timedelta(days=i) for i in range((end - start).days + 1)):
        if day not in running:
            (valid if made.get(day) == fingerprint(ask, day) else missing).append(day)
    return valid, missing


def _summarised(hs: HallService, sql: Sql, start: date, end: date) -> tuple[list[date],
                                                                            list[date]]:
    """Of the closed days start…end: those with a valid summary (made now where missing),
    and those read from the raw rows."""
    ask = sql.ask
    ready, missing = _unsummarised(hs, ask, start, end)
    if missing:
        try:
            ready += fill.make(hs.store.engine, sql, missing, lambda d: fingerprint(ask, d),
                               ask.now)
        except OperationalError:  # e.g. the database stayed locked: this report reads raw
            log.exception("making the report summaries of %d days", len(missing))
    closed = {start + timedelta(days=i) for i in range((end - start).days + 1)}
    return sorted(ready), sorted(closed - set(ready))


def sums(hs: HallService, ask: Ask) -> tuple[Groups, dict[str, float], dict[str, int]]:
    """Sums by dimension ("hall" has one group, ""), pause seconds by reason, follow-ups."""
    sql = Sql(hs.store.engine.dialect.name, ask)
    closed_end = min(ask.end, hs.day() - timedelta(days=1))  # the roll may come later
    ready: list[date] = []
    raw: Days = []
    if closed_end >= ask.start:
        ready, raw_closed = _summarised(hs, sql, ask.start, closed_end)
        raw = fill.runs(raw_closed)
    if ask.end > closed_end:
        raw.append((max(ask.start, closed_end + timedelta(days=1)), ask.end))
    read = Read(raw, histogram=bool(ready))
    groups: Groups = {}
    with hs.store.engine.connect() as conn:
        for dim in ("hall", *rp.DIMENSIONS, "reason"):
            rows = raw_sums(conn, sql, dim, read) if raw else {}  # none: no raw day
            groups[dim] = {k: s for (_, k), s in rows.items()}
        if ready:
            summed, by_day = days_store.read(conn, fill.runs(ready))
            summed["day"] = by_day
            for dim, found in summed.items():
                into = groups.setdefault(dim, {})
                for key, s in found.items():
                    into.setdefault(key, rp.Sums()).add(s)
        bad = follow_ups(conn, ask)
    reasons = {k: s.paused_s for k, s in groups.pop("reason", {}).items()}
    return groups, reasons, bad


def close_days(hs: HallService) -> None:
    """The hall's day rolled: make the summaries of the days it closed (at most the last
    ``CLOSE_BACK``), once per roll and server; a reader that comes meanwhile does not wait.
    When the server starts it only notes the day (older days are made on first use)."""
    today = hs.work.today
    seen = _closed.get(hs)
    if seen == today or not _closing.acquire(blocking=False):
        return
    try:
        _closed[hs] = today
        if seen is not None and seen < today:
            start = max(seen, today - timedelta(days=CLOSE_BACK))
            ask = ask_for(hs, start, today - timedelta(days=1))
            _summarised(hs, Sql(hs.store.engine.dialect.name, ask), ask.start, ask.end)
    except Exception:  # never the reader's failure: the first report makes them instead
        log.exception("making the report summaries of the days before %s", today)
    finally:
        _closing.release()


def backfill_step(hs: HallService) -> bool:
    """Make the summaries of the newest ``BACKFILL_DAYS`` closed days that lack a valid one
    (a database from before summaries, or days a change forgot); True while more are left.
    The server calls it in the background after it starts, so that the first report over a
    year of old days does not wait minutes for them."""
    yesterday = hs.day() - timedelta(days=1)
    with hs.store.engine.connect() as conn:
        first = days_store.first_day(conn)
    if first is None or first > yesterday:
        return False
    ask = ask_for(hs, first, yesterday)
    _, missing = _unsummarised(hs, ask, first, yesterday)
    if not missing:
        return False
    newest = missing[-BACKFILL_DAYS:]  # a manager asks about the latest months first
    fill.make(hs.store.engine, Sql(hs.store.engine.dialect.name, ask), newest,
              lambda d: fingerprint(ask, d), ask.now)
    return len(missing) > len(newest)


def ask_for(hs: HallService, start: date, end: date) -> Ask:
    return Ask(start, end, hs.clock(), {s.code: s.target_s for s in hs.hall.services},
               _offsets(hs, start, end))


def _offsets(hs: HallService, start: date, end: date) -> list[tuple[date, int]]:
    """The hall's UTC offset (at noon) from each day it changes on: hours of day are local."""
    runs: list[tuple[date, int]] = []
    for i in range((end - start).days + 1):
        day = start + timedelta(days=i)
        noon = datetime.combine(day, time(12), hs.tz).utcoffset() or timedelta(0)
        if not runs or runs[-1][1] != int(noon.total_seconds()):
            runs.append((day, int(noon.total_seconds())))
    return runs


