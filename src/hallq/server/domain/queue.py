"""The live queue of the hall: today's tickets, numbering and the windows' calls.

A pure aggregate: it is given the time and random tokens, and it records which tickets, windows
and pauses it changed so that the service layer persists exactly those before answering.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from hallq.server.domain.errors import Conflict, Invalid, NotFound
from hallq.server.domain.events import Event, ticket_event
from hallq.server.domain.hall import Hall, Service
from hallq.server.domain.queue_index import WaitingIndex
from hallq.server.domain.ticket import (
    Pause,
    PriorityReason,
    Status,
    Ticket,
    WindowState,
    WindowStatus,
    format_number,
)

FINAL = (Status.DONE, Status.CANCELLED, Status.MISSED)


@dataclass
class Changes:
    tickets: set[int] = field(default_factory=set)
    windows: set[str] = field(default_factory=set)
    pauses: set[int] = field(default_factory=set)
    counters: set[tuple[date, str]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.tickets or self.windows or self.pauses or self.counters)


class QueueState:
    def __init__(
        self,
        hall: Hall,
        tickets: list[Ticket] | None = None,
        windows: list[WindowState] | None = None,
        counters: dict[tuple[date, str], int] | None = None,
        pauses: list[Pause] | None = None,
        next_ticket_id: int = 1,
        next_pause_id: int = 1,
        service_times: dict[str, list[float]] | None = None,
    ) -> None:
        self.tickets: dict[int, Ticket] = {t.id: t for t in tickets or []}
        # the waiting tickets by service in calling order, so that reads walk neither the whole
        # day nor the queues of services they are not about, and "ahead" walks no queue at all
        self._waiting = WaitingIndex(s.code for s in hall.services)
        for ticket in self.tickets.values():
            self._waiting.index(ticket)
        self.windows = {w.id: w for w in windows or []}
        self.counters = dict(counters or {})
        self.open_pauses: dict[str, Pause] = {p.window: p for p in pauses or [] if not p.ended_at}
        self.pauses: dict[int, Pause] = {p.id: p for p in pauses or []}
        self.next_ticket_id = next_ticket_id
        self.next_pause_id = next_pause_id
        self.service_times = {code: deque(times) for code, times in (service_times or {}).items()}
        self.changes = Changes()
        self._unindexed: set[int] = set()  # touched since the waiting index was last settled
        self.reconfigure(hall)

    def reconfigure(self, hall: Hall) -> None:
        """Follow the hall's configuration, at the start and on every live change: windows and
        services follow it; the waiting tickets keep their numbers and order (a service with
        tickets waiting is never removed)."""
        self.hall = hall
        self._waiting.follow(s.code for s in hall.services)
        self.service_times = {s.code: deque(self.service_times.get(s.code, ()),
                                            maxlen=hall.policy.estimate_window)
                              for s in hall.services}
        self.weights = {s.code: s.weight for s in hall.services}
        self.windows = {w.id: self.windows.get(w.id) or WindowState(w.id) for w in hall.windows}
        self.open_pauses = {w: p for w, p in self.open_pauses.items() if w in self.windows}

    # ---- reading -------------------------------------------------------------------------
    def take_changes(self) -> Changes:
        self.settle()
        changes, self.changes = self.changes, Changes()
        return changes

    def settle(self) -> None:
        """Bring the waiting index in step with the tickets touched since (a command may
        change a ticket after touching it): the next command reads the queue as it is."""
        touched, self._unindexed = self._unindexed, set()
        for ticket_id in touched:
            ticket = self.tickets.get(ticket_id)
            if ticket is None:
                self._waiting.unindex(ticket_id)
            else:
                self._waiting.index(ticket)

    def ticket(self, ticket_id: int) -> Ticket:
        try:
            return self.tickets[ticket_id]
        except KeyError:
            raise NotFound(f"no ticket {ticket_id} today") from None

    def window(self, window_id: str) -> WindowState:
        try:
            return self.windows[window_id]
        except KeyError:
            raise NotFound(f"no window {window_id!r} in this hall") from None

    def waiting(self, services: Iterable[str] | None = None) -> list[Ticket]:
        """The waiting tickets, of all services or of the ones given."""
        return self._waiting.waiting(services)

    def oldest_waiting(self, service: str) -> datetime | None:
        """When the service's longest-waiting ticket joined the queue (None: nobody waits)."""
        first = self._waiting.longest_waiting(service)
        return first.queued_at if first else None

    def longest_waiting(self, service: str) -> Ticket | None:
        return self._waiting.longest_waiting(service)

    def waiting_since_before(self, service: str, cutoff: datetime) -> int:
        return self._waiting.waiting_since_before(service, cutoff)

    def waiting_counts(self) -> dict[str, int]:
        return self._waiting.counts()

    def issued_today(self, day: date, service: str) -> int:
        return self.counters.get((day, service), 0)

    def ahead(self, ticket: Ticket, now: datetime) -> int:
        """As ``calling.ahead_of`` over the service's waiting tickets, by a binary search
        (``now`` is kept for callers: within one service the order does not depend on it)."""
        return self._waiting.ahead(ticket)

    def average_service_s(self, service: Service) -> float:
        times = self.service_times.get(service.code)
        return sum(times) / len(times) if times else float(service.typical_service_s)

    def estimated_wait_s(self, service: Service, ahead: int) -> int:
        serving = [
            w for w in self.hall.windows_serving(service.code)
            if self.windows[w.id].status is not WindowStatus.CLOSED
        ]
        return round(ahead * self.average_service_s(service) / max(1, len(serving)))

    def current_of(self, window_id: str) -> Ticket | None:
        current = self.window(window_id).current
        return self.tickets.get(current) if current is not None else None

    # ---- issuing ---------------------------------------------------------------------------
    def issue(
        self,
        service: Service,
        day: date,
        now: datetime,
        token: str,
        priority: PriorityReason | None = None,
        appointment: str | None = None,
    ) -> tuple[Ticket, list[Event]]:
        seq = self.counters.get((day, service.code), 0) + 1
        self.counters[(day, service.code)] = seq
        self.changes.counters.add((day, service.code))
        ticket = Ticket(
            id=self.next_ticket_id, number=format_number(service.prefix, seq),
            service=service.code, day=day, seq=seq, token=token, issued_at=now,
            queued_at=now, priority=priority, appointment=appointment,
        )
        self.next_ticket_id += 1
        self.touch(ticket)
        return ticket, [ticket_event("issued", ticket.id)]

    def cancel(self, ticket_id: int, reason: str) -> list[Event]:
        ticket = self.ticket(ticket_id)
        if ticket.status not in (Status.WAITING, Status.MISSED):
            raise Conflict(f"ticket {ticket.number} is {ticket.status}; only a waiting or "
                           "missed ticket can be cancelled", code="not_waiting")
        ticket.status, ticket.cancel_reason = Status.CANCELLED, reason
        self.touch(ticket)
        return [ticket_event("cancelled", ticket.id, reason=reason)]

    def restore(self, ticket_id: int, now: datetime) -> list[Event]:
        ticket = self.ticket(ticket_id)
        if ticket.status is not Status.MISSED:
            raise Conflict(f"ticket {ticket.number} is {ticket.status}, not missed",
                           code="not_missed")
        ticket.status, ticket.queued_at, ticket.window = Status.WAITING, now, None
        self.touch(ticket)
        return [ticket_event("restored", ticket.id)]

    def roll_day(self, today: date) -> list[Event]:
        """A new day: what still waits from earlier days is cancelled; the rest is forgotten.
        A missed ticket stays missed: the report of its day must not change afterwards."""
        events: list[Event] = []
        for ticket in list(self.tickets.values()):
            if ticket.day >= today:
                continue
            if ticket.status is Status.WAITING:
                ticket.status, ticket.cancel_reason = Status.CANCELLED, "day_closed"
                self.touch(ticket)
                events.append(ticket_event("cancelled", ticket.id, reason="day_closed"))
            elif ticket.status in FINAL and ticket.id not in self._referenced():
                del self.tickets[ticket.id]
        self.counters = {k: v for k, v in self.counters.items() if k[0] >= today}
        return events

    def _referenced(self) -> set[int]:
        return {i for w in self.windows.values() for i in (w.current, w.last_finished) if i}

    def touch(self, ticket: Ticket) -> None:
        """Record a change of ``ticket`` (saved with the command) and index it again."""
        self.tickets[ticket.id] = ticket
        self._waiting.index(ticket)  # a transfer moves it to another service's queue
        self.changes.tickets.add(ticket.id)
        self._unindexed.add(ticket.id)

    def _touch_window(self, window: WindowState) -> None:
        self.changes.windows.add(window.id)

    def check_service(self, code: str, field_name: str = "service") -> Service:
        service = self.hall.service(code)
        if service is None:
            known = ", ".join(s.code for s in self.hall.services)
            raise Invalid(f"{field_name}: no service {code!r}; known: {known}", field=field_name)
        return service
