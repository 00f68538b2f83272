"""The period report's sums, added up by the database (SQL aggregates, SQLite and PostgreSQL).

One grouped query per table and dimension over the ``day`` index; the 90th-percentile wait with
a window function on SQLite, ``percentile_disc`` on PostgreSQL (both nearest rank: the
``ceil(0.9 n)``-th wait of a group in ascending order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Float,
    Integer,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.engine import Connection, Engine

from hallq.server.domain.report_period import DIMENSIONS, Sums
from hallq.server.storage.tables import PauseRow, RatingRow, TicketRow, UTCDateTime

T, R, P = TicketRow, RatingRow, PauseRow


@dataclass(frozen=True)
class Ask:
    start: date
    end: date
    now: datetime
    targets: dict[str, int]  # service code → target seconds at the window (6.1.3)
    offsets: list[tuple[date, int]]  # (from this day on, the hall's UTC offset in seconds)


class _Sql:
    """Expressions that differ between SQLite and PostgreSQL."""

    def __init__(self, dialect: str, ask: Ask) -> None:
        self.sqlite = dialect == "sqlite"
        self.ask = ask

    def seconds(self, a: Any, b: Any) -> ColumnElement[float]:
        a, b = type_coerce(a, DateTime), type_coerce(b, DateTime)
        if self.sqlite:
            return (func.julianday(b) - func.julianday(a)) * 86400.0
        return cast(extract("epoch", b - a), Float)

    def _hour_at(self, moment: Any, offset: int) -> ColumnElement[int]:
        moment = type_coerce(moment, DateTime)
        if self.sqlite:
            return cast(func.strftime("%H", moment, f"{offset:+d} seconds"), Integer)
        return cast(extract("hour", moment + literal_column(f"interval '{offset:d} seconds'")),
                    Integer)

    def hour(self, moment: Any, day: Any) -> ColumnElement[int]:
        """The hour of day in the hall's time zone (the offset can change with the day)."""
        offsets = self.ask.offsets
        if len(offsets) == 1:
            return self._hour_at(moment, offsets[0][1])
        whens = [(day < nxt, self._hour_at(moment, off))
                 for (_, off), (nxt, _) in pairwise(offsets)]
        return case(*whens, else_=self._hour_at(moment, offsets[-1][1]))


def _keys(sql: _Sql, dim: str, row: Any, at: Any) -> Any:
    if dim == "hall":
        return literal("")
    if dim == "hour":
        return sql.hour(at, row.day)
    return getattr(row, dim)


def _ticket_filter(ask: Ask, dim: str) -> list[ColumnElement[bool]]:
    where = [T.day >= ask.start, T.day <= ask.end]
    if dim in ("window", "clerk"):  # a desk's figures: what it called
        where += [getattr(T, dim).is_not(None), T.status != "waiting"]
    return where


def _tickets(conn: Connection, sql: _Sql, dim: str, out: dict[str, Sums]) -> None:
    ask = sql.ask
    key = _keys(sql, dim, T, T.issued_at)
    wait = sql.seconds(T.issued_at, T.called_at)
    serve = sql.seconds(T.called_at, T.finished_at)
    done = and_(T.status == "done", T.called_at.is_not(None), T.finished_at.is_not(None))
    target = case(ask.targets, value=T.service, else_=300) if ask.targets else literal(300)

    def count(cond: ColumnElement[bool]) -> Any:
        return func.sum(case((cond, 1), else_=0))

    # PostgreSQL has the nearest-rank percentile as an aggregate (ignores the NULL waits)
    p90 = literal(None) if sql.sqlite else func.percentile_disc(0.9).within_group(wait)
    rows = conn.execute(select(
        key, func.count(), count(T.status == "done"), count(T.status == "missed"),
        count(T.status == "cancelled"), func.count(T.called_at), func.sum(wait),
        count(done), func.sum(case((done, serve), else_=0.0)),
        count(and_(done, func.round(serve) <= target)),  # whole seconds: no float noise
        p90,
    ).where(*_ticket_filter(ask, dim)).group_by(key))
    for k, issued, served, missed, cancelled, waited, wait_s, timed, serve_s, within, p in rows:
        s = out[_text(k)]
        s.issued, s.served, s.missed, s.cancelled = issued, served, missed, cancelled
        s.waited, s.wait_s, s.timed = waited, float(wait_s or 0), timed
        s.service_s, s.within_target = float(serve_s or 0), within or 0
        s.p90_wait_s = None if p is None else float(p)
    if not sql.sqlite:
        return
    # nearest rank: the smallest wait with at least 90 % of the group's waits at or below it
    # (cume_dist over one ordering: one sort per dimension)
    ranked = select(key.label("k"), wait.label("w"),
                    func.cume_dist().over(partition_by=key, order_by=wait).label("share"),
                    ).where(*_ticket_filter(ask, dim), T.called_at.is_not(None)).subquery()
    for k, w in conn.execute(select(ranked.c.k, func.min(ranked.c.w))
                             .where(ranked.c.share >= 0.9 - 1e-9).group_by(ranked.c.k)):
        out[_text(k)].p90_wait_s = float(w)


def _ratings(conn: Connection, sql: _Sql, dim: str, out: dict[str, Sums]) -> None:
    key = _keys(sql, dim, R, R.rated_at)
    where = [R.day >= sql.ask.start, R.day <= sql.ask.end]
    if dim in ("window", "clerk"):
        where.append(getattr(R, dim).is_not(None))
    for k, score, n in conn.execute(select(key, R.score, func.count()).where(*where)
                                    .group_by(key, R.score)):
        out[_text(k)].ratings[int(score)] += n


def _paused(sql: _Sql) -> ColumnElement[float]:
    return sql.seconds(P.started_at, func.coalesce(P.ended_at, literal(sql.ask.now, UTCDateTime)))


def _pauses(conn: Connection, sql: _Sql, dim: str, out: dict[str, Sums]) -> None:
    if dim == "service":
        return
    key = _keys(sql, dim, P, P.started_at)
    where = [P.day >= sql.ask.start, P.day <= sql.ask.end]
    if dim == "clerk":
        where.append(P.clerk.is_not(None))
    for k, seconds in conn.execute(select(key, func.sum(_paused(sql))).where(*where)
                                   .group_by(key)):
        out[_text(k)].paused_s = float(seconds or 0)


def _text(key: object) -> str:
    if isinstance(key, date):
        return key.isoformat()
    if isinstance(key, int):
        return f"{key:02d}"
    return "" if key is None else str(key)


def period_sums(engine: Engine, ask: Ask) -> tuple[dict[str, dict[str, Sums]],
                                                    dict[str, float], dict[str, int]]:
    """Sums by dimension ("hall" has one group, ""), pause seconds by reason, follow-ups."""
    sql = _Sql(engine.dialect.name, ask)
    groups: dict[str, dict[str, Sums]] = {}
    with engine.connect() as conn:
        for dim in ("hall", *DIMENSIONS):
            out: dict[str, Sums] = defaultdict(Sums)
            _tickets(conn, sql, dim, out)
            _ratings(conn, sql, dim, out)
            _pauses(conn, sql, dim, out)
            groups[dim] = dict(out)
        reasons = {str(reason): float(seconds or 0) for reason, seconds in conn.execute(
            select(P.reason, func.sum(_paused(sql)))
            .where(P.day >= ask.start, P.day <= ask.end).group_by(P.reason))}
        follow_ups = _follow_ups(conn, ask)
    return groups, reasons, follow_ups


def _follow_ups(conn: Connection, ask: Ask) -> dict[str, int]:
    where = [R.day >= ask.start, R.day <= ask.end, R.follow_up.is_not(None)]
    counts = {str(s): n for s, n in conn.execute(
        select(R.follow_up, func.count()).where(*where).group_by(R.follow_up))}
    overdue = conn.execute(select(func.count()).where(
        *where, R.follow_up != "resolved", R.follow_up_due < literal(ask.now, UTCDateTime),
    )).scalar_one()
    return {**counts, "overdue": int(overdue)}
