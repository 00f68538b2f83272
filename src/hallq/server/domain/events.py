"""What happened: events in the past tense, published after the change is committed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """``type`` as on the event stream (docs/events.md); ``ticket`` is a ticket id to render."""

    type: str
    ticket: int | None = None
    window: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def ticket_event(kind: str, ticket: int, window: str | None = None, **data: Any) -> Event:
    return Event(type=f"ticket.{kind}", ticket=ticket, window=window, data=data)


def window_event(kind: str, window: str, **data: Any) -> Event:
    return Event(type=f"window.{kind}", window=window, data=data)
