"""What a window does: call, recall, skip, finish, transfer, call a given number."""

from __future__ import annotations

from datetime import datetime

from hallq.server.domain import calling
from hallq.server.domain.errors import Conflict, NotFound
from hallq.server.domain.events import Event, ticket_event
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import (
    PriorityReason,
    Status,
    Ticket,
    WindowState,
    WindowStatus,
    typed_number,
)
from hallq.server.domain.windows import end_pause


def login_required(hall: Hall) -> bool:
    """A closed window calls only once a clerk logged in (a hall without clerks: never)."""
    return hall.policy.require_login and bool(hall.clerks)


def ready_window(state: QueueState, window_id: str, now: datetime) -> tuple[WindowState,
                                                                            list[Event]]:
    """The window, open for calling: a paused window resumes, a closed one is refused."""
    window = state.window(window_id)
    events: list[Event] = []
    if window.status is WindowStatus.CLOSED:
        if login_required(state.hall):
            raise Conflict(f"window {window_id} is closed: a clerk must log in first",
                           code="window_closed")
        window.status = WindowStatus.OPEN
        state.changes.windows.add(window.id)
    elif window.status is WindowStatus.PAUSED:
        events += end_pause(state, window, now)
    return window, events


def _finish_current(state: QueueState, window: WindowState, now: datetime) -> list[Event]:
    ticket = state.current_of(window.id)
    if ticket is None or ticket.status is not Status.CALLED:
        return []
    ticket.status, ticket.finished_at = Status.DONE, now
    if ticket.called_at is not None:
        state.service_times[ticket.service].append((now - ticket.called_at).total_seconds())
    window.current, window.last_finished = None, ticket.id
    state.touch(ticket)
    state.changes.windows.add(window.id)
    return [ticket_event("finished", ticket.id, window.id)]


def _call(state: QueueState, window: WindowState, ticket: Ticket, now: datetime) -> Event:
    ticket.status, ticket.window, ticket.called_at = Status.CALLED, window.id, now
    ticket.clerk, ticket.recalls = window.clerk, 0
    window.current = ticket.id
    state.touch(ticket)
    state.changes.windows.add(window.id)
    return ticket_event("called", ticket.id, window.id)


def call_next(state: QueueState, window_id: str, now: datetime) -> tuple[Ticket | None,
                                                                         list[Event]]:
    """Call the next ticket; the one being served, if any, counts as finished."""
    window, events = ready_window(state, window_id, now)
    config = state.hall.window(window_id)
    assert config is not None
    events += _finish_current(state, window, now)
    ticket = calling.choose_next(state.waiting(config.services), config.services, now,
                                 state.weights)
    if ticket is None:
        return None, events
    events.append(_call(state, window, ticket, now))
    return ticket, events


def call_number(state: QueueState, window_id: str, number: str, now: datetime) -> tuple[
        Ticket, list[Event]]:
    """Call a given waiting (or missed) ticket of today out of order."""
    config = state.hall.window(window_id)
    if config is None:
        raise NotFound(f"no window {window_id!r} in this hall")
    wanted = typed_number(number)
    matches = [t for t in state.tickets.values() if t.number == wanted]
    ticket = max(matches, key=lambda t: t.day, default=None)
    if ticket is None:
        raise NotFound(f"no ticket {wanted} today")
    if ticket.status not in (Status.WAITING, Status.MISSED):
        raise Conflict(f"ticket {wanted} is {ticket.status}", code="not_waiting")
    if ticket.service not in config.services:
        raise Conflict(f"window {window_id} does not serve {ticket.service}",
                       code="not_served_here")
    window, events = ready_window(state, window_id, now)
    events += _finish_current(state, window, now)
    events.append(_call(state, window, ticket, now))
    return ticket, events


def _current(state: QueueState, window_id: str, action: str) -> tuple[WindowState, Ticket]:
    window = state.window(window_id)
    ticket = state.current_of(window_id)
    if ticket is None or ticket.status is not Status.CALLED:
        raise Conflict(f"window {window_id} has no ticket to {action}", code="no_current")
    return window, ticket


def recall(state: QueueState, window_id: str) -> tuple[Ticket, list[Event]]:
    window, ticket = _current(state, window_id, "recall")
    ticket.recalls += 1
    state.touch(ticket)
    return ticket, [ticket_event("recalled", ticket.id, window.id, recalls=ticket.recalls)]


def skip(state: QueueState, window_id: str, now: datetime) -> tuple[Ticket, list[Event]]:
    window, ticket = _current(state, window_id, "skip")
    ticket.status, ticket.finished_at = Status.MISSED, now
    window.current = None
    state.touch(ticket)
    state.changes.windows.add(window.id)
    return ticket, [ticket_event("missed", ticket.id, window.id)]


def finish(state: QueueState, window_id: str, now: datetime) -> tuple[Ticket, list[Event]]:
    window, ticket = _current(state, window_id, "finish")
    return ticket, _finish_current(state, window, now)


def transfer(state: QueueState, window_id: str, service_code: str, now: datetime) -> tuple[
        Ticket, list[Event]]:
    """The current ticket joins another service's queue with its number, ahead of ordinary
    tickets; it keeps its place in time (``queued_at``) among the priority ones."""
    service = state.check_service(service_code)
    window, ticket = _current(state, window_id, "transfer")
    if service.code == ticket.service:
        raise Conflict(f"ticket {ticket.number} is already for {service.code}",
                       code="same_service")
    source = ticket.service
    ticket.first_service = ticket.first_service or source
    ticket.service, ticket.status, ticket.window = service.code, Status.WAITING, None
    ticket.priority, ticket.called_at = PriorityReason.TRANSFER, None
    window.current = None
    state.touch(ticket)
    state.changes.windows.add(window.id)
    return ticket, [ticket_event("transferred", ticket.id, window.id,
                                 from_service=source, to_service=service.code)]
