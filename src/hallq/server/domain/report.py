"""The daily report: figures over one day's tickets, ratings and pauses. Pure arithmetic."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hallq.server.domain.rating import BAD, SATISFIED


@dataclass(frozen=True)
class TicketFacts:
    service: str
    status: str
    window: str | None
    clerk: str | None
    issued_at: datetime
    called_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True)
class RatingFacts:
    score: int
    window: str | None
    clerk: str | None
    follow_up: str | None


@dataclass(frozen=True)
class PauseFacts:
    window: str
    clerk: str | None
    seconds: float


class _Sums:
    def __init__(self) -> None:
        self.issued = self.served = self.missed = self.cancelled = 0
        self.waits: list[float] = []
        self.services: list[float] = []
        self.ratings: Counter[int] = Counter()
        self.paused_s = 0.0

    def add(self, t: TicketFacts) -> None:
        self.issued += 1
        self.served += t.status == "done"
        self.missed += t.status == "missed"
        self.cancelled += t.status == "cancelled"
        if t.called_at:
            self.waits.append((t.called_at - t.issued_at).total_seconds())
        if t.status == "done" and t.called_at and t.finished_at:
            self.services.append((t.finished_at - t.called_at).total_seconds())

    def figures(self, with_issue: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"served": self.served, "missed": self.missed,
                               "avg_wait_s": _avg(self.waits),
                               "avg_service_s": _avg(self.services)}
        if with_issue:
            out = {"issued": self.issued, **out, "cancelled": self.cancelled}
        return out


def _natural(item: tuple[str, Any]) -> tuple[int, int, str]:
    """Window "2" before "11"; names after numbers."""
    key = item[0]
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def _avg(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def ratings_figures(counts: Counter[int]) -> dict[str, Any]:
    total = sum(counts.values())
    return {
        "ratings": {str(s): counts.get(s, 0) for s in range(1, 6)},
        "rated": total,
        "satisfaction_rate": round(sum(counts[s] for s in SATISFIED) / total, 4) if total
        else None,
    }


def daily_report(day: str, tickets: Iterable[TicketFacts], ratings: Iterable[RatingFacts],
                 pauses: Iterable[PauseFacts]) -> dict[str, Any]:
    total = _Sums()
    by_service: dict[str, _Sums] = defaultdict(_Sums)
    by_window: dict[str, _Sums] = defaultdict(_Sums)
    by_clerk: dict[str, _Sums] = defaultdict(_Sums)
    for t in tickets:
        total.add(t)
        by_service[t.service].add(t)
        if t.window and t.status != "waiting":
            by_window[t.window].add(t)
        if t.clerk and t.status != "waiting":
            by_clerk[t.clerk].add(t)
    follow = Counter[str]()
    for r in ratings:
        total.ratings[r.score] += 1
        if r.window:
            by_window[r.window].ratings[r.score] += 1
        if r.clerk:
            by_clerk[r.clerk].ratings[r.score] += 1
        if r.score in BAD and r.follow_up:
            follow[r.follow_up] += 1
    for p in pauses:
        by_window[p.window].paused_s += p.seconds
        if p.clerk:
            by_clerk[p.clerk].paused_s += p.seconds

    def per_desk(sums: dict[str, _Sums]) -> dict[str, Any]:
        return {k: {**v.figures(with_issue=False), **ratings_figures(v.ratings),
                    "paused_s": round(v.paused_s)} for k, v in sorted(sums.items(), key=_natural)}

    return {
        "date": day, **total.figures(), **ratings_figures(total.ratings),
        "bad_ratings": {s: follow.get(s, 0) for s in ("open", "contacted", "resolved")},
        "by_service": {k: v.figures() for k, v in sorted(by_service.items())},
        "by_window": per_desk(by_window),
        "by_clerk": per_desk(by_clerk),
    }
