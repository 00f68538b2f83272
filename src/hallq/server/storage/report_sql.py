"""SQL expressions of the reports that differ between SQLite and PostgreSQL: seconds between two
times, the local hour of day, the wait histogram's bucket, and which days a query reads."""

from __future__ import annotations

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
    false,
    func,
    literal,
    literal_column,
    or_,
    type_coerce,
)

from hallq.server.domain import report_period as rp

Days = list[tuple[date, date]]  # ranges of whole days, both ends included


@dataclass(frozen=True)
class Ask:
    start: date
    end: date
    now: datetime
    targets: dict[str, int]  # service code → target seconds at the window (6.1.3)
    offsets: list[tuple[date, int]]  # (from this day on, the hall's UTC offset in seconds)


class Sql:
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

    def bucket(self, wait: ColumnElement[float]) -> ColumnElement[int]:
        """``report_period.bucket_of`` in SQL (SQLite's julianday is rounded to the ms first:
        a wait of 300 s must not fall into the bucket below as 299.99996)."""
        w = func.round(wait, 3) if self.sqlite else wait
        fine = rp.FINE_UNTIL // rp.FINE_S

        def floor(x: Any) -> ColumnElement[int]:
            return cast(x, Integer) if self.sqlite else cast(func.floor(x), Integer)

        return case((w < 0, 0), (w < rp.FINE_UNTIL, floor(w / rp.FINE_S)),
                    (w < rp.COARSE_UNTIL, fine + floor((w - rp.FINE_UNTIL) / rp.COARSE_S)),
                    else_=rp.BUCKETS - 1)


def in_days(column: Any, days: Days) -> ColumnElement[bool]:
    if not days:
        return false()
    return or_(*[and_(column >= a, column <= b) for a, b in days])


def keys(sql: Sql, dim: str, row: Any, at: Any) -> Any:
    if dim == "hall":
        return literal("")
    if dim == "hour":
        return sql.hour(at, row.day)
    return getattr(row, dim)


def text(key: object) -> str:
    if isinstance(key, date):
        return key.isoformat()
    if isinstance(key, int):
        return f"{key:02d}"
    return "" if key is None else str(key)
