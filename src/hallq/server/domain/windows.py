"""A window's shift: a clerk logs in and out, pauses with a reason (5.6.3) and resumes."""

from __future__ import annotations

from datetime import datetime

from hallq.server.domain.errors import Conflict, Forbidden, Invalid
from hallq.server.domain.events import Event, window_event
from hallq.server.domain.hall import Clerk, Hall
from hallq.server.domain.queue import QueueState
from hallq.server.domain.secrets import check_pin, is_pin
from hallq.server.domain.ticket import Pause, WindowState, WindowStatus


def _busy(state: QueueState, window: WindowState, action: str) -> None:
    ticket = state.current_of(window.id)
    if ticket is not None:
        raise Conflict(f"window {window.id} is serving {ticket.number}: finish, skip or "
                       f"transfer it before you {action}", code="serving")


def end_pause(state: QueueState, window: WindowState, now: datetime) -> list[Event]:
    pause = state.open_pauses.pop(window.id, None)
    if pause is not None:
        pause.ended_at = now
        state.changes.pauses.add(pause.id)
    was_paused = window.status is WindowStatus.PAUSED
    window.status, window.pause_reason, window.paused_at = WindowStatus.OPEN, "", None
    state.changes.windows.add(window.id)
    return [window_event("resumed", window.id)] if was_paused else []


def authenticate(hall: Hall, clerk_id: str, pin: str, chosen_hash: str | None = None) -> Clerk:
    """The clerk, if the PIN is right (slow on purpose: call it outside any lock);
    ``chosen_hash``: the PIN the clerk chose, which outranks the config's."""
    clerk = hall.clerk(clerk_id)
    if clerk is None or not check_pin(pin, chosen_hash or clerk.pin_hash):
        raise Forbidden("clerk id or PIN is wrong", code="bad_login")
    if clerk.disabled:
        raise Forbidden(f"clerk {clerk_id} is disabled", code="clerk_disabled")
    return clerk


def check_new_pin(old: str, new: str) -> None:
    """A PIN a clerk chooses: 4 to 12 digits, not the one it replaces."""
    if not is_pin(new):
        raise Invalid("new_pin: a PIN is 4 to 12 digits", field="new_pin", code="bad_new_pin")
    if new == old:
        raise Invalid("new_pin: the new PIN must differ from the old one", field="new_pin",
                      code="same_pin")


def login(state: QueueState, window_id: str, clerk: Clerk) -> list[Event]:
    window = state.window(window_id)
    clerk_id = clerk.id
    if clerk.windows and window_id not in clerk.windows:
        raise Forbidden(f"clerk {clerk_id} is not assigned to window {window_id}",
                        code="not_assigned")
    if window.clerk not in (None, clerk_id):
        _busy(state, window, "hand the window over")
    events: list[Event] = []
    for other in state.windows.values():
        if other.clerk == clerk_id and other.id != window_id:
            _busy(state, other, "move to another window")
            events += _close(state, other, None)
    window.clerk, window.status = clerk_id, WindowStatus.OPEN
    window.pause_reason, window.paused_at = "", None
    state.changes.windows.add(window.id)
    info = {"id": clerk.id, "name": clerk.name, "job_number": clerk.job_number}
    return [*events, window_event("opened", window.id, clerk=info)]


def _close(state: QueueState, window: WindowState, now: datetime | None) -> list[Event]:
    pause = state.open_pauses.pop(window.id, None)
    if pause is not None:
        pause.ended_at = now or pause.started_at
        state.changes.pauses.add(pause.id)
    window.status, window.clerk, window.pause_reason, window.paused_at = (
        WindowStatus.CLOSED, None, "", None)
    state.changes.windows.add(window.id)
    return [window_event("closed", window.id)]


def sign_out_unfit(state: QueueState, hall: Hall, now: datetime) -> list[Event]:
    """After a change of the hall: a clerk disabled, removed or no longer allowed at the window
    is logged out at once (the ticket being served stays with the window)."""
    events: list[Event] = []
    for window in state.windows.values():
        clerk = hall.clerk(window.clerk) if window.clerk else None
        if window.clerk and (clerk is None or clerk.disabled
                             or (clerk.windows and window.id not in clerk.windows)):
            events += _close(state, window, now)
    return events


def logout(state: QueueState, window_id: str, now: datetime) -> list[Event]:
    window = state.window(window_id)
    _busy(state, window, "log out")
    return _close(state, window, now)


def pause(state: QueueState, window_id: str, reason: str, now: datetime) -> list[Event]:
    window = state.window(window_id)
    reasons = state.hall.pause_reasons
    reason = reason.strip()
    if not reason or (reasons and reason not in reasons):
        raise Invalid(f"reason: must be one of {', '.join(reasons)}", field="reason")
    if window.status is WindowStatus.CLOSED:
        raise Conflict(f"window {window_id} is closed", code="window_closed")
    if window.status is WindowStatus.PAUSED:
        raise Conflict(f"window {window_id} is already paused ({window.pause_reason})",
                       code="paused")
    _busy(state, window, "pause")
    record = Pause(state.next_pause_id, window.id, window.clerk, reason, now)
    state.next_pause_id += 1
    state.pauses[record.id] = record
    state.open_pauses[window.id] = record
    state.changes.pauses.add(record.id)
    window.status, window.pause_reason, window.paused_at = WindowStatus.PAUSED, reason, now
    state.changes.windows.add(window.id)
    return [window_event("paused", window.id, reason=reason)]


def resume(state: QueueState, window_id: str, now: datetime) -> list[Event]:
    window = state.window(window_id)
    if window.status is not WindowStatus.PAUSED:
        raise Conflict(f"window {window_id} is not paused", code="not_paused")
    return end_pause(state, window, now)
