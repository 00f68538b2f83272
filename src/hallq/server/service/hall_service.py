"""The one service layer: every entry point (API, CLI, tests) changes the hall through here.

Each command runs under one lock: the domain changes the live queue, the store commits exactly
what changed, and only then is the answer returned and the events published. If the commit
fails the live queue is reloaded from the database, so memory never runs ahead of the disk.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hallq.server.domain import calls, windows
from hallq.server.domain.errors import Conflict, Forbidden, HallError, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.hall import Hall, Service
from hallq.server.domain.hours import is_open
from hallq.server.domain.secrets import check_pin
from hallq.server.domain.ticket import PriorityReason, Status, Ticket
from hallq.server.service.login_guard import LoginGuard
from hallq.server.service.views import (
    iso,
    issued_view,
    service_view,
    ticket_view,
    window_view,
)
from hallq.server.storage.store import Store
from hallq.server.storage.trust_store import TrustStore

T = TypeVar("T")
Publish = Callable[[dict[str, Any]], None]


class _NoName:
    name = ""


def utc_now() -> datetime:
    return datetime.now(UTC)


class HallService:
    def __init__(self, hall: Hall, store: Store, publish: Publish | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 new_token: Callable[[], str] = lambda: secrets.token_urlsafe(12)) -> None:
        self.hall, self.store, self.clock, self.new_token = hall, store, clock, new_token
        self.tz = ZoneInfo(hall.timezone)
        self.publish: Publish = publish or (lambda event: None)
        self.lock = threading.RLock()
        self.seq = 0
        self._views: dict[int, dict[str, Any]] = {}
        self.last_calls: list[dict[str, Any]] = []
        self.today = self.local(clock()).date()
        self.state = store.load_state(hall, self.today)
        self._run(lambda now: (None, self.state.roll_day(self.today)))
        self.last_calls = self._calls_so_far()
        self.login_guard = LoginGuard(TrustStore(store.engine))

    def _calls_so_far(self) -> list[dict[str, Any]]:
        """The displays' list of recent calls, rebuilt from today's tickets after a restart."""
        called = sorted((t for t in self.state.tickets.values()
                         if t.called_at and t.window and t.day == self.today),
                        key=lambda t: (t.called_at or t.issued_at, t.id), reverse=True)[:10]
        return [{"number": t.number, "window": t.window,
                 "window_name": (self.hall.window(t.window or "") or _NoName).name,
                 "at": iso(t.called_at, self.tz), "recall": False} for t in called]

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    # ---- the unit of work ------------------------------------------------------------------
    def _run(self, command: Callable[[datetime], tuple[T, list[Event]]], **save: Any) -> T:
        with self.lock:
            self._views.clear()  # views cached by the previous command's events go stale
            now = self.clock()
            today = self.local(now).date()
            events: list[Event] = []
            if today != self.today:
                self.today = today
                events += self.state.roll_day(today)
            try:
                result, more = command(now)
            except HallError:
                if self.state.changes:  # a rule refused after a day roll: keep the roll
                    self._commit(**save)
                raise
            events += more
            self._commit(**save)
            for event in events:
                self._publish(event, now)
            return result

    def _commit(self, **save: Any) -> None:
        changes = self.state.take_changes()
        try:
            self.store.save(self.state, changes, **save)
        except Exception:
            self.state = self.store.load_state(self.hall, self.today)
            raise

    def _publish(self, event: Event, now: datetime) -> None:
        self.seq += 1
        body: dict[str, Any] = {"type": event.type, "seq": self.seq, "at": iso(now, self.tz)}
        if event.ticket is not None and event.type != "ticket.rated":
            body["ticket"] = self.ticket_json(self.state.ticket(event.ticket), now)
            self._views[event.ticket] = body["ticket"]
        if event.window is not None:
            body["window"] = event.window
            config = self.hall.window(event.window)
            body["window_name"] = config.name if config else event.window
        body.update(event.data)
        body["waiting"] = self.state.waiting_counts()
        if event.type in ("ticket.called", "ticket.recalled"):
            self.last_calls = [{"number": body["ticket"]["number"], "window": event.window,
                                "window_name": body["window_name"], "at": body["at"],
                                "recall": event.type == "ticket.recalled"},
                               *self.last_calls][:10]
        self.publish(body)

    # ---- reading ---------------------------------------------------------------------------
    def _catch_up_day(self) -> None:
        """Readers see today's queue even before the day's first command (yesterday's
        waiting tickets are cancelled by the roll, not shown on the morning's displays)."""
        if self.local(self.clock()).date() != self.today:
            self._run(lambda now: (None, []))

    def ticket_json(self, ticket: Ticket, now: datetime | None = None) -> dict[str, Any]:
        with self.lock:  # counting who is ahead reads the live queue other threads change
            view = self._views.get(ticket.id)  # as the last command's event showed it
            if view is None:
                view = ticket_view(ticket, self.state.ahead(ticket, now or self.clock()),
                                   self.tz, self.hall)
            return view

    def find_ticket(self, ticket_id: int) -> Ticket:
        with self.lock:
            ticket = self.state.tickets.get(ticket_id) or self.store.ticket(ticket_id)
        if ticket is None:
            raise NotFound(f"no ticket {ticket_id}")
        return ticket

    def closed_reason(self, service: Service, now: datetime) -> str | None:
        local = self.local(now)
        if not is_open(service.hours or self.hall.hours, local):
            return "outside_hours"
        quota = service.daily_quota
        if quota is not None and self.state.issued_today(local.date(), service.code) >= quota:
            return "quota_reached"
        return None

    def services(self) -> list[dict[str, Any]]:
        with self.lock:
            self._catch_up_day()
            now, counts = self.clock(), self.state.waiting_counts()
            return [service_view(s, self.hall, counts[s.code],
                                 self.state.estimated_wait_s(s, counts[s.code]),
                                 self.closed_reason(s, now),
                                 self.state.issued_today(self.local(now).date(), s.code))
                    for s in self.hall.services]

    def window_json(self, window_id: str) -> dict[str, Any]:
        with self.lock:
            window = self.state.window(window_id)
            current = self.state.current_of(window_id)
            return window_view(window, self.hall,
                               self.ticket_json(current) if current else None)

    def missed_today(self, window_id: str) -> list[dict[str, Any]]:
        """Today's missed tickets of a window, the latest first (a caller pad restores them)."""
        with self.lock:
            self._catch_up_day()
            missed = sorted((t for t in self.state.tickets.values() if t.day == self.today
                             and t.window == window_id and t.status is Status.MISSED),
                            key=lambda t: (t.finished_at or t.issued_at, t.id), reverse=True)
            return [self.ticket_json(t) for t in missed]

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            self._catch_up_day()
            return {
                "hall": {"name": self.hall.name, "name_en": self.hall.name_en,
                         "notice": self.hall.notice},
                "seq": self.seq, "at": iso(self.clock(), self.tz),
                "windows": [self.window_json(w.id) for w in self.hall.windows],
                "waiting": self.state.waiting_counts(), "last_calls": list(self.last_calls),
            }

    # ---- issuing -----------------------------------------------------------------------
    def issue(self, service_code: str | None, priority: bool = False,
              appointment: str | None = None, guide_pin: str | None = None) -> dict[str, Any]:
        if appointment:
            from hallq.server.service.appointments import check_in
            return check_in(self, appointment, service_code)
        service = self.state.check_service(service_code or "")
        if priority and self.hall.policy.priority_needs_pin and not (
                guide_pin and check_pin(guide_pin, self.hall.policy.guide_pin_hash)):
            raise Forbidden("a green-channel ticket needs a guide's PIN here",
                            code="priority_needs_pin")

        def command(now: datetime) -> tuple[Ticket, list[Event]]:
            reason = self.closed_reason(service, now)
            if reason == "outside_hours":
                raise Conflict(f"{service.name} is closed now (hours: "
                               f"{service_view(service, self.hall, 0, 0, None, 0)['hours']})",
                               code="service_closed")
            if reason == "quota_reached":
                raise Conflict(f"{service.name}: today's {service.daily_quota} tickets are all "
                               "taken", code="quota_reached")
            return self.state.issue(service, self.local(now).date(), now, self.new_token(),
                                    PriorityReason.GREEN if priority else None)

        ticket = self._run(command)
        return issued_view(self.ticket_json(ticket), ticket, self.hall)

    def cancel(self, ticket_id: int, reason: str, waiting_only: bool = False) -> dict[str, Any]:
        self.find_ticket(ticket_id)

        def command(now: datetime) -> tuple[None, list[Event]]:
            ticket = self.state.ticket(ticket_id)
            if waiting_only and ticket.status is not Status.WAITING:  # a kiosk's own, missed
                raise Conflict(f"ticket {ticket.number} is {ticket.status}; only a waiting "
                               "ticket can be cancelled here", code="not_waiting")
            return None, self.state.cancel(ticket_id, reason)
        self._run(command)
        return self.ticket_json(self.state.ticket(ticket_id))

    def restore(self, ticket_id: int) -> dict[str, Any]:
        self.find_ticket(ticket_id)
        self._run(lambda now: (None, self.state.restore(ticket_id, now)))
        return self.ticket_json(self.state.ticket(ticket_id))

    # ---- windows -----------------------------------------------------------------------
    def call_next(self, window_id: str) -> dict[str, Any] | None:
        ticket = self._run(lambda now: calls.call_next(self.state, window_id, now))
        return self.ticket_json(ticket) if ticket else None

    def call_number(self, window_id: str, number: str) -> dict[str, Any]:
        return self.ticket_json(self._run(
            lambda now: calls.call_number(self.state, window_id, number, now)))

    def recall(self, window_id: str) -> dict[str, Any]:
        return self.ticket_json(self._run(lambda now: calls.recall(self.state, window_id)))

    def skip(self, window_id: str) -> dict[str, Any]:
        return self.ticket_json(self._run(lambda now: calls.skip(self.state, window_id, now)))

    def finish(self, window_id: str) -> dict[str, Any]:
        return self.ticket_json(self._run(lambda now: calls.finish(self.state, window_id, now)))

    def transfer(self, window_id: str, service: str) -> dict[str, Any]:
        return self.ticket_json(self._run(
            lambda now: calls.transfer(self.state, window_id, service, now)))

    def pause(self, window_id: str, reason: str) -> dict[str, Any]:
        self._run(lambda now: (None, windows.pause(self.state, window_id, reason, now)))
        return self.window_json(window_id)

    def resume(self, window_id: str) -> dict[str, Any]:
        self._run(lambda now: (None, windows.resume(self.state, window_id, now)))
        return self.window_json(window_id)

    def login(self, window_id: str, clerk_id: str, pin: str, device: str = "") -> dict[str, Any]:
        self.state.window(window_id)
        clerk = self.login_guard.authenticate(self.hall, window_id, clerk_id, pin, self.clock(),
                                              device)
        self._run(lambda now: (None, windows.login(self.state, window_id, clerk)))
        return self.window_json(window_id)

    def logout(self, window_id: str) -> dict[str, Any]:
        self._run(lambda now: (None, windows.logout(self.state, window_id, now)))
        return self.window_json(window_id)

    def day(self) -> date:
        return self.local(self.clock()).date()
