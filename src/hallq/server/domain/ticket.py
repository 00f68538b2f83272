"""Tickets and the live state of a window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Status(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class PriorityReason(StrEnum):
    GREEN = "green"  # green channel for the elderly and the disabled (6.7.3)
    TRANSFER = "transfer"  # sent on from another window
    APPOINTMENT = "appointment"  # checked in within its slot (6.3)


def format_number(prefix: str, seq: int) -> str:
    """A001 … A999, then A1000: a zero-padded daily sequence behind the service prefix."""
    return f"{prefix}{seq:03d}"


def typed_number(text: str) -> str:
    """A number as a clerk types it: "c1" and "C01" mean C001."""
    text = text.strip().upper()
    letters = text.rstrip("0123456789")
    digits = text[len(letters):]
    if letters.isalpha() and digits:
        return format_number(letters, int(digits))
    return text


@dataclass
class Ticket:
    id: int
    number: str
    service: str
    day: date
    seq: int
    token: str  # the secret in the ticket's status / rating URL
    issued_at: datetime
    queued_at: datetime  # when it last joined a queue: the "waited longest" key
    status: Status = Status.WAITING
    priority: PriorityReason | None = None
    window: str | None = None
    clerk: str | None = None
    called_at: datetime | None = None
    finished_at: datetime | None = None
    recalls: int = 0
    first_service: str | None = None  # the service it was issued for, if transferred since
    appointment: str | None = None
    cancel_reason: str = ""

    @property
    def is_priority(self) -> bool:
        return self.priority is not None


class WindowStatus(StrEnum):
    CLOSED = "closed"  # nobody logged in: 未开放
    OPEN = "open"
    PAUSED = "paused"  # 暂停服务, with a reason (5.6.3)


@dataclass
class WindowState:
    id: str
    status: WindowStatus = WindowStatus.CLOSED
    clerk: str | None = None
    current: int | None = None  # id of the ticket being served
    pause_reason: str = ""
    paused_at: datetime | None = None
    last_finished: int | None = None  # what a rating device rates


@dataclass
class Pause:
    """A recorded break of a window (5.6.3 空窗 is only allowed with a reason)."""

    id: int
    window: str
    clerk: str | None
    reason: str
    started_at: datetime
    ended_at: datetime | None = None
