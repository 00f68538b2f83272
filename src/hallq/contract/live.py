"""The live hall as the console shows it (``/console/live.json`` and the live panels): every
window and every service, right now. Times are ISO strings in the hall's time zone."""

from __future__ import annotations

from pydantic import Field

from hallq.contract.base import Answer
from hallq.contract.state import WindowStatus


class LiveClerk(Answer):
    name: str
    job_number: str = ""


class LiveTicket(Answer):
    """The ticket a window serves, and for how long."""

    id: int
    number: str
    service: str
    service_name: str
    service_name_en: str = ""
    called_at: str | None = None
    serving_s: int = 0


class LiveWindow(Answer):
    id: str
    name: str
    name_en: str = ""
    status: WindowStatus
    pause_reason: str | None = None
    pause_reason_en: str | None = None
    paused_at: str | None = Field(None, description="when a paused window paused")
    clerk: LiveClerk | None = None
    services: list[str] = Field(default_factory=list, description="the services' names")
    current: LiveTicket | None = None


class LiveService(Answer):
    code: str
    name: str
    name_en: str = ""
    prefix: str = ""
    open: bool = True
    closed_reason: str | None = None
    waiting: int = 0
    estimated_wait_s: int = 0
    longest_wait_s: int = Field(0, description="the longest wait of the day so far")
    oldest_waiting_since: str | None = None
    issued_today: int = 0
    daily_quota: int | None = None
    quota_left: int | None = None
    missed_today: int = 0


class MissedTicket(Answer):
    id: int
    number: str
    service_name: str
    service_name_en: str = ""
    window: str | None = None
    missed_at: str | None = None


class LiveTotals(Answer):
    waiting: int
    issued: int
    served: int
    open_windows: int
    windows: int


class LiveView(Answer):
    at: str | None
    seq: int
    windows: list[LiveWindow]
    services: list[LiveService]
    missed: list[MissedTicket] = Field(description="today's, the latest first")
    pause_reasons: list[str]
    pause_reasons_en: list[str] = Field(
        default_factory=list, description="one for one with pause_reasons: each in English "
        "(the reason itself where the hall gives none); the Chinese one is what is sent")
    totals: LiveTotals
