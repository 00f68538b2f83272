"""Helpers of the per-day summary's tests: a few scripted days through the API, and the
figures of a period read straight from the raw rows (as every report was made before)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hallq.server.domain import report_period as rp
from hallq.server.service import report_days
from hallq.server.service.hall_service import HallService
from hallq.server.storage.report_period_queries import Read, raw_sums
from hallq.server.storage.report_sql import Sql
from tests.server.apifix import PADS, Api

FIRST = date(2026, 11, 23)


def scripted_days(api: Api, days: int) -> None:
    """Waits of odd lengths (they fall inside 10 s buckets), ratings, pauses, a missed and a
    cancelled ticket, each day a little different. Ends on the next day's morning."""
    for d in range(days):
        for window, clerk in (("1", "c01"), ("9", "c08")):
            if api.window(window)["clerk"] is None:
                api.login(window, clerk)
        tickets = [api.issue("biz" if n % 3 else "tax") for n in range(5 + d)]
        api.ok("POST", f"/api/tickets/{tickets[-1]['id']}/cancel", json={"reason": "test"})
        for n in range(3 + d):
            api.clock.advance(seconds=37 + 131 * n + 17 * d)
            window = "9" if tickets[n]["service"] == "tax" else "1"
            called = api.act(window, "next")["ticket"]
            api.clock.advance(seconds=300 + 61 * n)
            if (n + d) % 4 == 3:
                api.act(window, "skip")
                continue
            api.act(window, "finish")
            score = 1 + (n + d) % 5
            body: dict[str, Any] = {"score": score}
            if score <= 2:
                body["reasons"] = ["等候时间长"]
            api.ok("POST", f"/api/tickets/{called['id']}/rating", PADS, json=body)
        api.act("1", "pause", json={"reason": "会议"})
        api.clock.advance(seconds=123 + 10 * d)
        api.act("1", "resume")
        api.clock.now = api.clock.now.replace(hour=2, minute=0, second=0) + timedelta(days=1)


def raw_report(hs: HallService, start: date, end: date) -> dict[str, Any]:
    """Every table of the period from the raw rows, exact 90th percentiles."""
    ask = report_days.ask_for(hs, start, end)
    sql = Sql(hs.store.engine.dialect.name, ask)
    out: dict[str, Any] = {}
    with hs.store.engine.connect() as conn:
        for dim in ("hall", *rp.DIMENSIONS, "reason"):
            groups = {k: s for (_, k), s in raw_sums(conn, sql, dim, Read([(start, end)])).items()}
            out[dim] = {k: (rp.figures(s), s.longest_wait_s) for k, s in groups.items()}
    return out


def same_figures(report: dict[str, Any], raw: dict[str, Any]) -> None:
    """The report's figures are the raw rows' ones; its 90th percentiles the raw one's
    bucket top (at most the longest wait) wherever closed days' waits are in a group: never
    below the exact figure, at most one bucket (10 s below 2 h, 1 min below 8 h) above."""
    def check(mine: dict[str, Any], exact: dict[str, Any], longest: float, where: str) -> None:
        theirs = {k: v for k, v in mine.items() if k in exact and k != "p90_wait_s"}
        assert theirs == {k: v for k, v in exact.items() if k != "p90_wait_s"}, where
        p90 = exact["p90_wait_s"]
        if p90 is None:
            assert mine["p90_wait_s"] is None, where
            return
        bucketed = round(min(rp.bucket_top(rp.bucket_of(p90)), longest), 1)
        assert mine["p90_wait_s"] in (p90, bucketed), (where, mine["p90_wait_s"], p90)
        assert p90 <= mine["p90_wait_s"] <= rp.bucket_top(rp.bucket_of(p90)), where

    figures, longest = raw["hall"][""]
    check(report, figures, longest, "hall")
    for dim in rp.DIMENSIONS:
        for key, (figures, longest) in raw[dim].items():
            check(report[f"by_{dim}"][key], figures, longest, f"{dim} {key}")
    assert report["pauses_by_reason"] == {k: round(f[0]["paused_s"])
                                          for k, f in sorted(raw["reason"].items())}
