"""The daily report's arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hallq.server.domain.report import PauseFacts, RatingFacts, TicketFacts, daily_report

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def t(service: str, status: str, window: str | None, clerk: str | None, wait: float | None,
      serve: float | None) -> TicketFacts:
    called = NOW + timedelta(seconds=wait) if wait is not None else None
    finished = called + timedelta(seconds=serve) if called and serve is not None else None
    return TicketFacts(service, status, window, clerk, NOW, called, finished)


def test_daily_report_arithmetic() -> None:
    tickets = [
        t("biz", "done", "1", "c01", 60, 300),
        t("biz", "done", "1", "c01", 120, 100),
        t("tax", "missed", "2", "c02", 30, None),
        t("tax", "waiting", None, None, None, None),
        t("tax", "cancelled", None, None, None, None),
    ]
    ratings = [RatingFacts(5, "1", "c01", None), RatingFacts(4, "1", "c01", None),
               RatingFacts(1, "2", "c02", "open"), RatingFacts(2, "2", "c02", "resolved"),
               RatingFacts(3, "2", "c02", None)]
    pauses = [PauseFacts("1", "c01", 600.4), PauseFacts("1", "c01", 300)]
    report = daily_report("2026-11-23", tickets, ratings, pauses)
    assert (report["issued"], report["served"], report["missed"], report["cancelled"]) == \
        (5, 2, 1, 1)
    assert report["avg_wait_s"] == 70.0  # (60 + 120 + 30) / 3 called
    assert report["avg_service_s"] == 200.0  # only done tickets
    assert report["ratings"] == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1}
    assert report["rated"] == 5
    assert report["satisfaction_rate"] == 0.6  # 满意率: share of 3, 4 and 5 (issue 10)
    assert report["bad_ratings"] == {"open": 1, "contacted": 0, "resolved": 1}
    assert report["by_service"]["biz"]["issued"] == 2
    assert report["by_service"]["tax"] == {"issued": 3, "served": 0, "missed": 1,
                                           "avg_wait_s": 30.0, "avg_service_s": None,
                                           "cancelled": 1}
    w1 = report["by_window"]["1"]
    assert (w1["served"], w1["avg_wait_s"], w1["paused_s"]) == (2, 90.0, 900)
    assert w1["satisfaction_rate"] == 1.0
    assert report["by_clerk"]["c02"]["satisfaction_rate"] == 0.3333  # 3 of 1, 2, 3
    assert report["by_clerk"]["c02"]["missed"] == 1


def test_an_empty_day_has_no_averages() -> None:
    report = daily_report("2026-11-23", [], [], [])
    assert report["issued"] == 0 and report["avg_wait_s"] is None
    assert report["satisfaction_rate"] is None and report["by_window"] == {}
