"""The daily report (``GET /api/reports/daily``) and a window's figures of today."""

from __future__ import annotations

from pydantic import Field

from hallq.contract.base import Answer


class Figures(Answer):
    served: int
    missed: int
    avg_wait_s: float | None
    avg_service_s: float | None


class ServiceFigures(Figures):
    issued: int
    cancelled: int
    name: str = ""
    name_en: str = Field("", description="its English name, where the hall gives one")


class DeskFigures(Figures):
    """A window's or a clerk's figures, with its ratings (满意率) and paused time."""

    ratings: dict[str, int] = Field(description='counts of scores "1" … "5"')
    rated: int
    satisfaction_rate: float | None
    paused_s: int
    name: str = ""
    name_en: str = Field("", description="its English name, where the hall gives one")


class DailyReport(Figures):
    date: str
    issued: int
    cancelled: int
    ratings: dict[str, int] = Field(description='counts of scores "1" … "5"')
    rated: int
    satisfaction_rate: float | None
    bad_ratings: dict[str, int] = Field(description="follow-ups by status")
    by_service: dict[str, ServiceFigures]
    by_window: dict[str, DeskFigures]
    by_clerk: dict[str, DeskFigures]


class WindowToday(Answer):
    date: str
    window: DeskFigures | None
    clerk: DeskFigures | None
    waiting: dict[str, int]


class PeriodFigures(Answer):
    """One row of a period report's table: a service, window, clerk, day or hour of day."""

    issued: int
    served: int
    missed: int
    cancelled: int
    avg_wait_s: float | None
    p90_wait_s: float | None = Field(description=(
        "90th-percentile wait (nearest rank); exact over today's tickets, over closed days "
        "exact to its bucket of the per-day wait histogram: the upper edge of the bucket "
        "(10 s below 2 h, 1 min below 8 h) holding it, at most the longest wait "
        "(docs/reports.md)"))
    avg_service_s: float | None
    within_target: int = Field(description="served within the service's target time (6.1.3)")
    target_rate: float | None = Field(description="within_target ÷ served")
    ratings: dict[str, int] = Field(description='counts of scores "1" … "5"')
    rated: int
    satisfaction_rate: float | None = Field(
        description="满意率: share of 5 非常满意 + 4 满意 + 3 基本满意")
    paused_s: int
    name: str = ""
    name_en: str = Field("", description="its English name, where the hall gives one")


class ClerkRank(Answer):
    rank: int
    clerk: str
    name: str
    served: int
    satisfaction_rate: float | None
    target_rate: float | None
    score: float = Field(description="points out of 100, see ranking_formula")


class PeriodReport(PeriodFigures):
    """``GET /api/reports``: the daily report's keys over any period, plus by_day and by_hour."""

    date: str = Field(description="the first day (as in the daily report)")
    from_: str = Field(alias="from")
    to: str
    days: int
    kind: str = Field(description="day, week, month or custom")
    bad_ratings: dict[str, int] = Field(
        description="follow-ups of the period's bad ratings by status, and overdue ones")
    pauses_by_reason: dict[str, int] = Field(description="paused seconds by reason")
    by_service: dict[str, PeriodFigures]
    by_window: dict[str, PeriodFigures]
    by_clerk: dict[str, PeriodFigures]
    by_day: dict[str, PeriodFigures] = Field(description="every day of the period, YYYY-MM-DD")
    by_hour: dict[str, PeriodFigures] = Field(description='hour of day in the hall, "08"…')
    clerk_ranking: list[ClerkRank] = Field(description="服务之星 (8.4), best first")
    ranking_formula: str
    ranking_formula_en: str
    targets_s: dict[str, int] = Field(description="each service's target time in seconds")
