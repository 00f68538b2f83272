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


class DeskFigures(Figures):
    """A window's or a clerk's figures, with its ratings (满意率) and paused time."""

    ratings: dict[str, int] = Field(description='counts of scores "1" … "5"')
    rated: int
    satisfaction_rate: float | None
    paused_s: int
    name: str = ""


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
