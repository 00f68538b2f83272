"""The little the bridge keeps of the hall: each window's status and number, the latest calls,
the waiting counts; and reading it from a ``hello`` event's ``state`` (``GET /api/state``),
with the contract's model: one name per field, as the server answers it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hallq.contract import StateSnapshot

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


def read_snapshot(state: Mapping[str, Any], keep: int, call_text: str = CALL_TEXT) -> Snapshot:
    """The bridge's view of ``GET /api/state`` (contract ``StateSnapshot``; calls newest first)."""
    parsed = StateSnapshot.model_validate(state)
    snapshot = Snapshot()
    for w in parsed.windows:
        snapshot.status[w.id] = w.status
        snapshot.current[w.id] = w.current.number if w.current else None
    for c in reversed(parsed.last_calls[:keep]):
        text = call_text.format(number=c.number, window=c.window, window_name=c.window_name)
        snapshot.add_call(text, keep)
    snapshot.waiting = dict(parsed.waiting)
    return snapshot
