"""Figures over a period from the sums the database adds up. Pure arithmetic.

The database groups tickets, ratings and pauses by service, window, clerk, day and hour of day
and hands back one ``Sums`` per group; this module turns them into the figures a hall reads
(averages, 90th-percentile wait, the share served within the service's target time (6.1.3),
满意率) and ranks the clerks for 8.3/8.4 (服务之星).
"""

from __future__ import annotations

import math
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from hallq.server.domain.rating import SATISFIED

DIMENSIONS = ("service", "window", "clerk", "day", "hour")
FOLLOW_UPS = ("open", "contacted", "resolved", "overdue")
# 服务之星 (8.4): points out of 100. Volume relative to the busiest clerk of the period, then
# the citizens' verdict, then 限时办结 (6.1.3). A share with nothing to measure counts 0.
RANKING_WEIGHTS = {"served": 50, "satisfaction_rate": 30, "target_rate": 20}
RANKING_FORMULA = ("得分 = 50 × 办结量 ÷ 本期最高办结量 + 30 × 满意率 + 20 × 限时办结率"
                   "（无评价或无办结时该项按 0 计；同分按办结量、工号排序）")
RANKING_FORMULA_EN = ("score = 50 × served ÷ the most served by any clerk + 30 × satisfaction "
                      "rate + 20 × share within target (a share with nothing to measure counts "
                      "0; ties by served, then clerk id)")


# The wait histogram of the per-day summary (docs/reports.md): 10 s buckets below 2 h, 1 min
# buckets below 8 h, one bucket above. Counts are packed into one int, 32 bits a bucket
# (bucket 0 lowest), so that histograms merge by adding ints.
FINE_S, FINE_UNTIL, COARSE_S, COARSE_UNTIL = 10, 7200, 60, 28800
BUCKETS = FINE_UNTIL // FINE_S + (COARSE_UNTIL - FINE_UNTIL) // COARSE_S + 1
FIELD_BITS = 32
assert array("I").itemsize == 4 and sys.byteorder == "little"  # unpack reads them so


def bucket_of(wait_s: float) -> int:
    if wait_s < FINE_UNTIL:
        return max(0, int(wait_s // FINE_S))
    if wait_s < COARSE_UNTIL:
        return FINE_UNTIL // FINE_S + int((wait_s - FINE_UNTIL) // COARSE_S)
    return BUCKETS - 1


def bucket_top(bucket: int) -> float:
    """The upper edge of a bucket (the last one has none)."""
    fine = FINE_UNTIL // FINE_S
    if bucket < fine:
        return float((bucket + 1) * FINE_S)
    if bucket < BUCKETS - 1:
        return float(FINE_UNTIL + (bucket - fine + 1) * COARSE_S)
    return math.inf


def pack(counts: dict[int, int]) -> int:
    return sum(n << (FIELD_BITS * b) for b, n in counts.items())


def unpack(packed: int) -> list[int]:
    size = (packed.bit_length() + FIELD_BITS - 1) // FIELD_BITS
    return list(array("I", packed.to_bytes(size * 4, "little")))  # 32-bit fields


def p90_of_histogram(packed: int, longest_s: float) -> float | None:
    """Nearest rank over merged buckets: the upper edge of the bucket that holds the
    ``ceil(0.9 n)``-th wait, at most the longest wait. Never below the exact figure, at most
    one bucket (10 s below 2 h) above it."""
    running = list(accumulate(unpack(packed)))
    if not running or not running[-1]:
        return None
    bucket = bisect_left(running, math.ceil(0.9 * running[-1] - 1e-9))
    return min(bucket_top(bucket), longest_s)


@dataclass
class Sums:
    """What SQL adds up for one group (a service, a window, a clerk, a day, an hour)."""

    issued: int = 0
    served: int = 0
    missed: int = 0
    cancelled: int = 0
    waited: int = 0  # tickets called: their waits are known
    wait_s: float = 0.0
    p90_wait_s: float | None = None
    timed: int = 0  # served tickets with a service time
    service_s: float = 0.0
    within_target: int = 0
    ratings: Counter[int] = field(default_factory=Counter)
    paused_s: float = 0.0
    waits: int = 0  # the wait histogram of closed days (packed, see ``pack``)
    longest_wait_s: float = 0.0

    def add(self, other: Sums) -> None:
        """Merge the sums of closed days (histogram) into today's (exact p90 so far)."""
        for name in ("issued", "served", "missed", "cancelled", "waited", "wait_s", "timed",
                     "service_s", "within_target", "paused_s", "waits"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.ratings.update(other.ratings)
        self.longest_wait_s = max(self.longest_wait_s, other.longest_wait_s)
        if other.waits:
            self.p90_wait_s = p90_of_histogram(self.waits, self.longest_wait_s)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _avg(total: float, count: int) -> float | None:
    return round(total / count, 1) if count else None


def figures(s: Sums) -> dict[str, Any]:
    rated = sum(s.ratings.values())
    return {
        "issued": s.issued, "served": s.served, "missed": s.missed, "cancelled": s.cancelled,
        "avg_wait_s": _avg(s.wait_s, s.waited),
        "p90_wait_s": None if s.p90_wait_s is None else round(s.p90_wait_s, 1),
        "avg_service_s": _avg(s.service_s, s.timed),
        "within_target": s.within_target, "target_rate": _share(s.within_target, s.timed),
        "ratings": {str(n): s.ratings.get(n, 0) for n in range(1, 6)}, "rated": rated,
        "satisfaction_rate": _share(sum(s.ratings[n] for n in SATISFIED), rated),
        "paused_s": round(s.paused_s),
    }


def natural(key: str) -> tuple[int, int, str]:
    """Window "2" before "11"; names after numbers."""
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def table(groups: dict[str, Sums]) -> dict[str, dict[str, Any]]:
    return {k: figures(groups[k]) for k in sorted(groups, key=natural)}


def rank_clerks(by_clerk: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The clerks of the period, best first, with the points of ``RANKING_FORMULA``."""
    most = max((f["served"] for f in by_clerk.values()), default=0)
    rows = []
    for clerk, f in by_clerk.items():
        volume = f["served"] / most if most else 0.0
        score = (RANKING_WEIGHTS["served"] * volume
                 + RANKING_WEIGHTS["satisfaction_rate"] * (f["satisfaction_rate"] or 0.0)
                 + RANKING_WEIGHTS["target_rate"] * (f["target_rate"] or 0.0))
        rows.append({"clerk": clerk, "name": f.get("name", clerk), "served": f["served"],
                     "satisfaction_rate": f["satisfaction_rate"],
                     "target_rate": f["target_rate"], "score": round(score, 1)})
    rows.sort(key=lambda r: (-r["score"], -r["served"], natural(r["clerk"])))
    return [{"rank": i, **row} for i, row in enumerate(rows, 1)]
