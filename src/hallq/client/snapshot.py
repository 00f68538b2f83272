"""Keeping the last ``GET /api/state`` snapshot current from events (no Qt, no network)."""

from __future__ import annotations

from typing import Any

CLEARS_WINDOW = ("ticket.finished", "ticket.missed", "ticket.transferred")


def window_of(snapshot: dict[str, Any], window_id: str | None) -> dict[str, Any] | None:
    return next((w for w in snapshot.get("windows", []) if w["id"] == window_id), None)


def apply_event(snapshot: dict[str, Any], event: dict[str, Any]) -> None:
    """Update ``snapshot`` in place as the server would now answer ``GET /api/state``."""
    kind = event.get("type", "")
    if "waiting" in event:
        snapshot["waiting"] = event["waiting"]
    snapshot["seq"] = event.get("seq", snapshot.get("seq", 0))
    window = window_of(snapshot, event.get("window"))
    ticket = event.get("ticket")
    if window is None:
        return
    if kind in ("ticket.called", "ticket.recalled") and ticket:
        window["current"] = ticket
        call = {"number": ticket["number"], "window": window["id"],
                "window_name": event.get("window_name", window["name"]), "at": event.get("at"),
                "recall": kind == "ticket.recalled"}
        snapshot["last_calls"] = [call, *snapshot.get("last_calls", [])][:10]
    elif kind in CLEARS_WINDOW and ticket:
        if (window.get("current") or {}).get("id") == ticket["id"]:
            window["current"] = None
        if kind == "ticket.finished":
            window["last_finished"] = ticket["id"]
    elif kind == "window.opened":
        window.update(status="open", clerk=event.get("clerk"), pause_reason=None)
    elif kind == "window.closed":
        window.update(status="closed", clerk=None, pause_reason=None, current=None)
    elif kind == "window.paused":
        window.update(status="paused", pause_reason=event.get("reason"))
    elif kind == "window.resumed":
        window.update(status="open", pause_reason=None)
