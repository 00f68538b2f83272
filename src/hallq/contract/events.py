"""The envelope of the ``WS /api/events`` messages (docs/events.md)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from hallq.contract.alarms import Alarm
from hallq.contract.base import Answer
from hallq.contract.state import Clerk, StateSnapshot
from hallq.contract.tickets import Ticket


class Event(Answer):
    """One event; the fields a type does not carry are absent (None here)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    type: str = Field(description="e.g. ticket.called, window.paused")
    seq: int
    at: str | None = None
    waiting: dict[str, int] = Field(default_factory=dict)
    ticket: Ticket | None = None
    window: str | None = None
    window_name: str | None = None
    clerk: Clerk | None = None
    reason: str | None = None
    recalls: int | None = None
    from_service: str | None = None
    to_service: str | None = None
    ticket_id: int | None = None  # ticket.rated
    number: str | None = None  # ticket.rated
    score: int | None = None  # ticket.rated
    alarm: Alarm | None = None  # alarm.raised, alarm.cleared
    rating_id: int | None = None  # follow_up.noted
    state: str | None = None  # follow_up.noted: the follow-up's state after the note
    target: str | None = None  # config.changed: services/biz, hall, config (an import) …
    action: str | None = None  # config.changed: put, patch, delete, import
    version: int | None = None  # config.changed: the item's new version (one item changed)


class Hello(Answer):
    """The first message on connecting: the same body as ``GET /api/state``."""

    type: str
    seq: int
    state: StateSnapshot
