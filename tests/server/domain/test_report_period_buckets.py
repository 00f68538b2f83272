"""The wait histogram of the per-day summary: buckets, merging by adding, and the period's 90th
percentile from merged histograms (exact to the bucket)."""

from __future__ import annotations

import math
import random
from collections import Counter

from hallq.server.domain import report_period as rp


def histogram(waits: list[float]) -> int:
    return rp.pack(Counter(rp.bucket_of(w) for w in waits))


def nearest_rank(waits: list[float]) -> float:
    return sorted(waits)[math.ceil(0.9 * len(waits)) - 1]


def test_the_buckets() -> None:
    assert [rp.bucket_of(w) for w in (0, 9.99, 10, 7199.9)] == [0, 0, 1, 719]
    assert [rp.bucket_of(w) for w in (7200, 7259, 7260, 28799, 28800, 86400)] == \
        [720, 720, 721, 1079, 1080, 1080]
    assert rp.bucket_of(-3) == 0  # a clock set back: no negative bucket
    assert (rp.bucket_top(0), rp.bucket_top(719), rp.bucket_top(720)) == (10, 7200, 7260)
    assert rp.bucket_top(rp.BUCKETS - 1) == math.inf and rp.BUCKETS == 1081


def test_histograms_merge_by_adding() -> None:
    a, b = [12.0, 305.5, 305.9, 7300.0], [3.0, 305.0, 40000.0]
    assert histogram(a) + histogram(b) == histogram(a + b)
    counts = rp.unpack(histogram(a + b))
    assert (counts[1], counts[30], counts[721], counts[rp.BUCKETS - 1]) == (1, 3, 1, 1)
    assert sum(counts) == 7


def test_the_90th_percentile_is_exact_to_its_bucket() -> None:
    rng = random.Random(9)
    for n in (1, 2, 9, 10, 11, 97, 1000):
        days = [[rng.uniform(0, 3 * 3600) for _ in range(n)] for _ in range(3)]
        waits = [w for day in days for w in day]
        exact, longest = nearest_rank(waits), max(waits)
        merged = sum(histogram(day) for day in days)
        got = rp.p90_of_histogram(merged, longest)
        assert got == min(rp.bucket_top(rp.bucket_of(exact)), longest)
        assert got is not None and exact <= got <= rp.bucket_top(rp.bucket_of(exact))
    assert rp.p90_of_histogram(0, 0.0) is None


def test_merged_sums_take_the_percentile_from_the_histograms() -> None:
    today = rp.Sums(issued=2, waited=2, wait_s=30.0, p90_wait_s=20.0, waits=histogram([10, 20]),
                    longest_wait_s=20.0)
    closed = rp.Sums(issued=3, waited=3, wait_s=1200.0, waits=histogram([100, 500, 600]),
                     longest_wait_s=600.0)
    closed.ratings[5] = 2
    today.add(closed)
    assert (today.issued, today.waited, today.wait_s, today.ratings[5]) == (5, 5, 1230.0, 2)
    assert today.p90_wait_s == 600.0  # the 5th of 5 is in [600, 610): capped at the longest
    alone = rp.Sums(waited=2, p90_wait_s=20.0)
    alone.add(rp.Sums(issued=1))  # no closed day's waits: today's exact figure stays
    assert alone.p90_wait_s == 20.0
