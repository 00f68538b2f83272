"""The period report's sums from the raw rows, added up by the database (SQL aggregates).

One grouped query per table and dimension over the ``day`` index, for any set of days (today's
rows for a report; closed days when their summary is made, then also by day and with the wait
histogram, ``report_sql.Sql.bucket``). The exact 90th-percentile wait with a window function
on SQLite, ``percentile_disc`` on PostgreSQL (both nearest rank: the ``ceil(0.9 n)``-th wait of
a group in ascending order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.engine import Connection

from hallq.server.domain.report_period import FIELD_BITS, Sums
from hallq.server.storage.report_sql import Days, Sql, in_days, keys, text
from hallq.server.storage.tables import PauseRow, RatingRow, TicketRow, UTCDateTime

T, R, P = TicketRow, RatingRow, PauseRow
Groups = dict[tuple[Any, str], Sums]  # (the day or None, the group's key) → sums


@dataclass(frozen=True)
class Read:
    days: Days
    by_day: bool = False  # group by day too (a summary's rows)
    exact_p90: bool = True
    histogram: bool = False


def _ticket_filter(days: Days, dim: str) -> list[ColumnElement[bool]]:
    where = [in_days(T.day, days)]
    if dim in ("window", "clerk"):  # a desk's figures: what it called
        where += [getattr(T, dim).is_not(None), T.status != "waiting"]
    return where


def _by(read: Read, day: Any, key: Any) -> tuple[Any, ...]:
    return (day, key) if read.by_day else (key,)


def _split(read: Read, row: Any) -> tuple[Any, str, Any]:
    """(the day or None, the key as text, the rest of the row)."""
    if read.by_day:
        return row[0], text(row[1]), row[2:]
    return None, text(row[0]), row[1:]


def _count(cond: ColumnElement[bool]) -> Any:
    return func.sum(case((cond, 1), else_=0))


def _tickets(conn: Connection, sql: Sql, dim: str, read: Read, out: Groups) -> None:
    ask = sql.ask
    key = keys(sql, dim, T, T.issued_at)
    by = _by(read, T.day, key)
    wait = sql.seconds(T.issued_at, T.called_at)
    serve = sql.seconds(T.called_at, T.finished_at)
    done = and_(T.status == "done", T.called_at.is_not(None), T.finished_at.is_not(None))
    target = case(ask.targets, value=T.service, else_=300) if ask.targets else literal(300)
    # PostgreSQL has the nearest-rank percentile as an aggregate (ignores the NULL waits)
    pg_p90 = not sql.sqlite and read.exact_p90
    p90 = func.percentile_disc(0.9).within_group(wait) if pg_p90 else literal(None)
    where = _ticket_filter(read.days, dim)
    rows = conn.execute(select(
        *by, func.count(), _count(T.status == "done"), _count(T.status == "missed"),
        _count(T.status == "cancelled"), func.count(T.called_at), func.sum(wait),
        _count(done), func.sum(case((done, serve), else_=0.0)),
        _count(and_(done, func.round(serve) <= target)),  # whole seconds: no float noise
        func.max(wait), p90,
    ).where(*where).group_by(*by))
    for row in rows:
        d, k, rest = _split(read, row)
        issued, served, missed, cancelled, waited, wait_s, timed, serve_s, within, longest, \
            p = rest
        s = out[d, k]
        s.issued, s.served, s.missed, s.cancelled = issued, served, missed, cancelled
        s.waited, s.wait_s, s.timed = waited, float(wait_s or 0), timed
        s.service_s, s.within_target = float(serve_s or 0), within or 0
        s.longest_wait_s = float(longest or 0)
        s.p90_wait_s = None if p is None else float(p)
    called = [*where, T.called_at.is_not(None)]
    if read.histogram:
        bucket = sql.bucket(wait).label("b")
        for row in conn.execute(select(*by, bucket, func.count()).where(*called)
                                .group_by(*by, bucket)):
            d, k, (b, n) = _split(read, row)
            out[d, k].waits += n << (FIELD_BITS * int(b))
    if not sql.sqlite or not read.exact_p90:
        return
    # nearest rank: the smallest wait with at least 90 % of the group's waits at or below it
    # (cume_dist over one ordering: one sort per dimension)
    ranked = select(key.label("k"), wait.label("w"),
                    func.cume_dist().over(partition_by=key, order_by=wait).label("share"),
                    ).where(*called).subquery()
    for k, w in conn.execute(select(ranked.c.k, func.min(ranked.c.w))
                             .where(ranked.c.share >= 0.9 - 1e-9).group_by(ranked.c.k)):
        out[None, text(k)].p90_wait_s = float(w)


def _ratings(conn: Connection, sql: Sql, dim: str, read: Read, out: Groups) -> None:
    key = keys(sql, dim, R, R.rated_at)
    by = _by(read, R.day, key)
    where = [in_days(R.day, read.days)]
    if dim in ("window", "clerk"):
        where.append(getattr(R, dim).is_not(None))
    for row in conn.execute(select(*by, R.score, func.count()).where(*where)
                            .group_by(*by, R.score)):
        d, k, (score, n) = _split(read, row)
        out[d, k].ratings[int(score)] += n


def paused(sql: Sql) -> ColumnElement[float]:
    return sql.seconds(P.started_at, func.coalesce(P.ended_at, literal(sql.ask.now, UTCDateTime)))


def _pauses(conn: Connection, sql: Sql, dim: str, read: Read, out: Groups) -> None:
    if dim == "service":
        return
    key = P.reason if dim == "reason" else keys(sql, dim, P, P.started_at)
    by = _by(read, P.day, key)
    where = [in_days(P.day, read.days)]
    if dim == "clerk":
        where.append(P.clerk.is_not(None))
    for row in conn.execute(select(*by, func.sum(paused(sql))).where(*where).group_by(*by)):
        d, k, (seconds,) = _split(read, row)
        out[d, k].paused_s = float(seconds or 0)


def raw_sums(conn: Connection, sql: Sql, dim: str, read: Read) -> Groups:
    """Sums of one dimension ("hall": one group, ""; "reason": pause seconds by reason)."""
    out: Groups = defaultdict(Sums)
    if dim != "reason":
        _tickets(conn, sql, dim, read, out)
        _ratings(conn, sql, dim, read, out)
    _pauses(conn, sql, dim, read, out)
    return dict(out)


def follow_ups(conn: Connection, ask: Any) -> dict[str, int]:
    """The period's bad ratings by follow-up status, always from the raw rows: a follow-up
    changes long after its rating's day (docs/reports.md). One pass over them."""
    late = and_(R.follow_up != "resolved", R.follow_up_due < literal(ask.now, UTCDateTime))
    counts, overdue = {}, 0
    for status, n, late_n in conn.execute(
            select(R.follow_up, func.count(), _count(late))
            .where(R.day >= ask.start, R.day <= ask.end, R.follow_up.is_not(None))
            .group_by(R.follow_up)):
        counts[str(status)] = int(n)
        overdue += int(late_n or 0)
    return {**counts, "overdue": overdue}
