"""The displays' list of recent calls (``last_calls`` in the snapshot): rebuilt from today's
tickets after a restart, then kept up to date by each published call or recall."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, tzinfo
from typing import Any

from hallq import contract
from hallq.server.domain.hall import Hall
from hallq.server.domain.ticket import Ticket
from hallq.server.service.views import iso

SIZE = 10


def calls_so_far(hall: Hall, tickets: Iterable[Ticket], today: date,
                 tz: tzinfo) -> list[contract.LastCall]:
    called = sorted((t for t in tickets if t.called_at and t.window and t.day == today),
                    key=lambda t: (t.called_at or t.issued_at, t.id), reverse=True)[:SIZE]
    return [contract.LastCall(number=t.number, window=t.window or "",
                              window_name=_window_name(hall, t.window or ""),
                              at=iso(t.called_at, tz), recall=False) for t in called]


def with_call(last_calls: list[contract.LastCall],
              body: dict[str, Any]) -> list[contract.LastCall]:
    """The list after the published event ``body`` (its JSON), if it is a call or a recall."""
    if body["type"] not in ("ticket.called", "ticket.recalled"):
        return last_calls
    return [contract.LastCall(number=body["ticket"]["number"], window=body["window"],
                              window_name=body["window_name"], at=body["at"],
                              recall=body["type"] == "ticket.recalled"), *last_calls][:SIZE]


def _window_name(hall: Hall, window_id: str) -> str:
    config = hall.window(window_id)
    return config.name if config else ""
