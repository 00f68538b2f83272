"""The period report's arithmetic: figures from sums, and the 服务之星 ranking."""

from __future__ import annotations

from collections import Counter

from hallq.server.domain.report_period import Sums, figures, rank_clerks


def test_figures_from_sums() -> None:
    sums = Sums(issued=10, served=8, missed=1, cancelled=1, waited=9, wait_s=900.0,
                p90_wait_s=180.04, timed=8, service_s=2400.0, within_target=6,
                ratings=Counter({5: 2, 3: 1, 2: 1}), paused_s=600.4)
    f = figures(sums)
    assert (f["avg_wait_s"], f["p90_wait_s"], f["avg_service_s"]) == (100.0, 180.0, 300.0)
    assert (f["within_target"], f["target_rate"]) == (6, 0.75)
    assert f["ratings"] == {"1": 0, "2": 1, "3": 1, "4": 0, "5": 2}
    assert (f["rated"], f["satisfaction_rate"], f["paused_s"]) == (4, 0.75, 600)
    empty = figures(Sums())
    assert empty["avg_wait_s"] is None and empty["target_rate"] is None
    assert empty["satisfaction_rate"] is None


def test_the_ranking_weighs_volume_verdict_and_time() -> None:
    def clerk(served: int, sat: float | None, target: float | None) -> dict[str, object]:
        return {"served": served, "satisfaction_rate": sat, "target_rate": target}

    ranked = rank_clerks({"c01": clerk(100, 0.9, 0.5), "c02": clerk(50, 1.0, 1.0),
                          "c03": clerk(80, None, 0.5), "c04": clerk(0, None, None)})
    # c01: 50 + 27 + 10 = 87; c02: 25 + 30 + 20 = 75; c03: 40 + 0 + 10 = 50; c04: 0
    assert [(r["rank"], r["clerk"], r["score"]) for r in ranked] == \
        [(1, "c01", 87.0), (2, "c02", 75.0), (3, "c03", 50.0), (4, "c04", 0.0)]
    tie = rank_clerks({"c09": clerk(10, 1.0, 1.0), "c10": clerk(10, 1.0, 1.0)})
    assert [r["clerk"] for r in tie] == ["c09", "c10"]
