"""The little the bridge keeps of the hall: each window's status and number, the latest calls,
the waiting counts; and reading it from a ``hello`` event's ``state`` (``GET /api/state``).

The state is read leniently: ``windows`` is a list of objects with ``id`` (or a mapping id →
object), each with ``status`` (open / paused / closed) and the current ticket under ``current``,
``ticket`` or ``current_ticket`` (an object with ``number``, or the number itself); the latest
calls are ``last_calls`` (objects with ``number``, ``window``, ``window_name``, newest first, or
sorted by ``called_at`` when given); ``waiting`` maps service code → count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

CALL_TEXT = "请{number}号到{window_name}"


@dataclass
class Snapshot:
    status: dict[str, str] = field(default_factory=dict)  # window id → open | paused | closed
    current: dict[str, str | None] = field(default_factory=dict)  # window id → ticket number
    calls: list[str] = field(default_factory=list)  # strip texts, newest first
    waiting: dict[str, int] = field(default_factory=dict)  # service code → waiting tickets

    def add_call(self, text: str, keep: int) -> None:
        self.calls = [text, *(c for c in self.calls if c != text)][:keep]

    def waiting_for(self, services: Sequence[str] | None) -> int:
        if services is None:
            return sum(self.waiting.values())
        return sum(self.waiting.get(s, 0) for s in services)


def _number(ticket: Any) -> str | None:
    if isinstance(ticket, Mapping):
        return str(ticket["number"]) if ticket.get("number") else None
    return str(ticket) if ticket else None


def read_snapshot(state: Mapping[str, Any], keep: int, call_text: str = CALL_TEXT) -> Snapshot:
    snapshot = Snapshot()
    windows = state.get("windows") or []
    if isinstance(windows, Mapping):
        windows = [{"id": k, **v} for k, v in windows.items()]
    for w in windows:
        window = str(w.get("id", ""))
        snapshot.status[window] = str(w.get("status", "open"))
        ticket = w.get("current") or w.get("ticket") or w.get("current_ticket")
        snapshot.current[window] = _number(ticket)
    calls = [c for c in state.get("last_calls") or [] if isinstance(c, Mapping)]
    if calls and all("called_at" in c for c in calls):
        calls.sort(key=lambda c: str(c["called_at"]), reverse=True)
    for c in reversed(calls[:keep]):
        window = str(c.get("window", ""))
        name = str(c.get("window_name") or f"{window}号窗口")
        number = _number(c.get("ticket")) or _number(c.get("number")) or ""
        snapshot.add_call(call_text.format(number=number, window=window, window_name=name), keep)
    waiting = state.get("waiting") or {}
    if isinstance(waiting, Mapping):
        snapshot.waiting = {str(k): int(v) for k, v in waiting.items() if isinstance(v, int)}
    return snapshot
