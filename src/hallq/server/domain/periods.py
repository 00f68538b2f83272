"""Report periods: a day, a week (Monday to Sunday), a month, or any range of whole days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hallq.server.domain.errors import Invalid

KINDS = ("day", "week", "month", "custom")
MAX_DAYS = 3 * 366 + 1  # three years: a longer range is surely a typo


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included
    kind: str = "custom"

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise Invalid(f"to: {end} is before from {start}", field="to")
        if (end - start).days + 1 > MAX_DAYS:
            raise Invalid(f"to: at most {MAX_DAYS} days from {start}", field="to")
        return cls(start, end, "day" if start == end else "custom")

    @classmethod
    def of(cls, kind: str, anchor: date) -> Period:
        """The day, week or month that holds ``anchor``."""
        if kind == "day":
            return cls(anchor, anchor, kind)
        if kind == "week":
            monday = anchor - timedelta(days=anchor.weekday())
            return cls(monday, monday + timedelta(days=6), kind)
        if kind == "month":
            first = anchor.replace(day=1)
            following = (first + timedelta(days=32)).replace(day=1)
            return cls(first, following - timedelta(days=1), kind)
        raise Invalid(f"period: one of {', '.join(KINDS[:3])}", field="period")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def label(self) -> str:
        return self.start.isoformat() if self.start == self.end else \
            f"{self.start.isoformat()} – {self.end.isoformat()}"
