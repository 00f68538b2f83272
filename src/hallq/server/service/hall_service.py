"""The one service layer: every entry point (API, CLI, tests) changes the hall through here.

Every command is one unit of work (``unit_of_work``): it runs on the hall's one writer thread
under the lock, the domain changes the live queue, the store commits exactly what changed in one
transaction, and only then are the events published and the answer returned. If the commit fails
the live queue is reloaded from the database, so memory never runs ahead of the disk. Reads take
the same lock from any thread.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hallq import contract
from hallq.server.domain import calls, windows
from hallq.server.domain.errors import Conflict, Forbidden, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.hall import Hall, OpenPeriod, Service
from hallq.server.domain.hours import describe, is_open, next_opening
from hallq.server.domain.queue import QueueState
from hallq.server.domain.secrets import check_pin, hash_pin
from hallq.server.domain.ticket import PriorityReason, Status, Ticket, WindowStatus
from hallq.server.service import appointments, follow_ups, ratings, recent_calls, report_days
from hallq.server.service.alarm_watch import AlarmWatch
from hallq.server.service.login_guard import LoginGuard
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.service.views import iso, issued_view, service_view, ticket_view, window_view
from hallq.server.service.work import Command, Work
from hallq.server.storage.alarm_store import DeviceStore
from hallq.server.storage.store import Store
from hallq.server.storage.trust_store import TrustStore

log = logging.getLogger("hallq.server.login")

T = TypeVar("T")
Publish = Callable[[dict[str, Any]], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class HallService:
    """Composes the unit of work (which runs every command on the writer thread, see
    ``unit_of_work``) with the queue's commands, ratings, appointments and the views."""

    def __init__(self, hall: Hall, store: Store, publish: Publish | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 new_token: Callable[[], str] = lambda: secrets.token_urlsafe(12)) -> None:
        self.store, self.clock, self.new_token = store, clock, new_token
        self.publish: Publish = publish or (lambda event: None)
        self.work = UnitOfWork(hall, store, clock, new_token)
        self.work.on_prepare = self._prepare_all
        self.work.on_commit = self._send_all
        self.lock = self.work.lock
        self.seq = 0
        self.last_calls: list[contract.LastCall] = []
        self.watch = AlarmWatch(self.work, DeviceStore(store.engine), self._publish)
        # what the batch's changes raised or cleared follows them on the stream
        self.work.after_batch.append(lambda: self.watch.check(self.clock()))
        self._run(lambda work: (None, work.state.roll_day(self.work.today)))
        self.watch.tick()  # the alarms that hold at start (a kiosk last heard out of paper)
        self.last_calls = recent_calls.calls_so_far(hall, self.state.tickets.values(),
                                                    self.today, self.tz)
        self.login_guard = LoginGuard(TrustStore(store.engine))

    @property
    def state(self) -> QueueState:
        return self.work.state

    @property
    def hall(self) -> Hall:
        """The hall as configured now: the unit of work's, which follows every live change."""
        return self.work.hall

    @property
    def tz(self) -> ZoneInfo:
        return self.work.tz

    @property
    def today(self) -> date:
        return self.work.today

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    # ---- the unit of work ------------------------------------------------------------------
    def _run(self, command: Command[T]) -> T:
        return self.work.run(command)

    def submit(self, method: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """A command for an async handler: runs on the writer thread, awaited off the loop."""
        return self.work.submit(method, *args)

    def close(self) -> None:
        self.work.close()

    def _prepare_all(self, events: list[Event], now: datetime) -> list[dict[str, Any]]:
        return [self._prepare(event, now) for event in events]

    def _send_all(self, bodies: list[dict[str, Any]]) -> None:
        for body in bodies:
            self.last_calls = recent_calls.with_call(self.last_calls, body)
            self.publish(body)

    def _publish(self, event: Event, now: datetime) -> None:
        """An event outside a command (an alarm): after everything before it is committed."""
        self.work.flush()
        self._send_all([self._prepare(event, now)])

    def _prepare(self, event: Event, now: datetime) -> dict[str, Any]:
        """The event as published, built while its command's state is the live one."""
        self.seq += 1
        body: dict[str, Any] = {"type": event.type, "seq": self.seq, "at": iso(now, self.tz)}
        if event.ticket is not None and event.type != "ticket.rated":
            view = self.ticket_json(self.state.ticket(event.ticket), now)
            self.work.views[event.ticket] = view
            body["ticket"] = view.model_dump(mode="json")  # once, for every subscriber
        if event.window is not None:
            body["window"] = event.window
            config = self.hall.window(event.window)
            body["window_name"] = config.name if config else event.window
        body.update(event.data)
        body["waiting"] = self.state.waiting_counts()
        return body

    # ---- reading ---------------------------------------------------------------------------
    def _catch_up_day(self) -> None:
        """Readers see today's queue even before the day's first command (yesterday's
        waiting tickets are cancelled by the roll, not shown on the morning's displays)."""
        if self.local(self.clock()).date() != self.today:
            self._run(lambda work: (None, []))
        report_days.close_days(self)  # a closed day's report summary (docs/reports.md)

    def ticket_json(self, ticket: Ticket, now: datetime | None = None) -> contract.Ticket:
        with self.lock:  # counting who is ahead reads the live queue other threads change
            view = self.work.views.get(ticket.id)  # as the last command's event showed it
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

    def _calendar(self, service: Service
                  ) -> tuple[tuple[OpenPeriod, ...], frozenset[date], dict[date, int]]:
        """The service's hours (else the hall's), the holidays and the make-up days."""
        return service.hours or self.hall.hours, self.hall.holidays, dict(self.hall.make_up_days)

    def closed_reason(self, service: Service, now: datetime) -> str | None:
        local = self.local(now)
        hours, holidays, make_up = self._calendar(service)
        if not is_open(hours, local, holidays, make_up):
            return "outside_hours"
        quota = service.daily_quota
        if quota is not None and self.state.issued_today(local.date(), service.code) >= quota:
            return "quota_reached"
        return None

    def services(self) -> list[contract.Service]:
        self._catch_up_day()  # before the lock: the catch-up is a command on the writer
        with self.lock:
            now, counts = self.clock(), self.state.waiting_counts()
            views = []
            for s in self.hall.services:
                closed = self.closed_reason(s, now)
                views.append(service_view(
                    s, self.hall, counts[s.code], self.state.estimated_wait_s(s, counts[s.code]),
                    closed, self.state.issued_today(self.local(now).date(), s.code),
                    self.opens_at(s, now) if closed == "outside_hours" else None,
                    self.open_windows(s)))
            return views

    def opens_at(self, service: Service, now: datetime) -> str | None:
        """When a service closed by its hours (or a holiday: ``closed_reason`` said
        ``outside_hours``) opens again, local ISO time."""
        hours, holidays, make_up = self._calendar(service)
        return iso(next_opening(hours, self.local(now), holidays, make_up), self.tz)

    def open_windows(self, service: Service) -> int:
        """Windows serving it that can call now: a clerk is there (where login is required)
        and the window is not paused."""
        wanted = (WindowStatus.OPEN,) if calls.login_required(self.hall) else \
            (WindowStatus.OPEN, WindowStatus.CLOSED)
        return sum(self.state.window(w.id).status in wanted
                   for w in self.hall.windows_serving(service.code))

    def window_json(self, window_id: str) -> contract.Window:
        with self.lock:
            window = self.state.window(window_id)
            current = self.state.current_of(window_id)
            return window_view(window, self.hall,
                               self.ticket_json(current) if current else None)

    def missed_today(self, window_id: str) -> list[contract.Ticket]:
        """Today's missed tickets of a window, the latest first (a caller pad restores them)."""
        self._catch_up_day()  # before the lock: the catch-up is a command on the writer
        with self.lock:
            missed = sorted((t for t in self.state.tickets.values() if t.day == self.today
                             and t.window == window_id and t.status is Status.MISSED),
                            key=lambda t: (t.finished_at or t.issued_at, t.id), reverse=True)
            return [self.ticket_json(t) for t in missed]

    def snapshot(self) -> contract.StateSnapshot:
        self._catch_up_day()  # before the lock: the catch-up is a command on the writer
        with self.lock:
            return contract.StateSnapshot(
                hall=contract.HallInfo(name=self.hall.name, name_en=self.hall.name_en,
                                       notice=self.hall.notice,
                                       pause_reasons=list(self.hall.pause_reasons),
                                       pause_reasons_en=list(self.hall.pause_reasons_en)),
                seq=self.seq, at=iso(self.clock(), self.tz),
                windows=[self.window_json(w.id) for w in self.hall.windows],
                waiting=self.state.waiting_counts(), last_calls=list(self.last_calls))

    # ---- issuing -----------------------------------------------------------------------
    def issue(self, service_code: str | None, priority: bool = False,
              appointment: str | None = None, guide_pin: str | None = None,
              device: str = "") -> contract.IssuedTicket:
        """A new ticket; ``device`` (the kiosk's token id) is stored with it, in its commit."""
        if appointment:
            checked_in = appointments.check_in(self.work, appointment, service_code, device)
            booked = self.store.appointment(checked_in.appointment or "")
            slot = (f"{self.local(booked.slot_start):%H:%M}-{self.local(booked.slot_end):%H:%M}"
                    if booked else None)
            return issued_view(self.ticket_json(checked_in), checked_in,
                               self.hall).model_copy(update={"appointment_slot": slot})
        service = self.state.check_service(service_code or "")
        if not self.hall.windows_serving(service.code):
            raise Conflict(f"{service.name} ({service.code}) is served by no window: a ticket "
                           "for it could never be called", code="no_window")
        if priority and self.hall.policy.priority_needs_pin and not (
                guide_pin and check_pin(guide_pin, self.hall.policy.guide_pin_hash)):
            raise Forbidden("a green-channel ticket needs a guide's PIN here",
                            code="priority_needs_pin")

        def command(work: Work) -> tuple[Ticket, list[Event]]:
            reason = self.closed_reason(service, work.now)
            if reason == "outside_hours":
                opens = self.opens_at(service, work.now)
                raise Conflict(f"{service.name} is closed now (hours: "
                               f"{describe(service.hours or self.hall.hours)}"
                               f"{'; opens ' + opens if opens else ''})",
                               code="service_closed",
                               values={"opens_at": opens} if opens else None)
            if reason == "quota_reached":
                raise Conflict(f"{service.name}: today's {service.daily_quota} tickets are all "
                               "taken", code="quota_reached")
            ticket, events = work.state.issue(service, self.local(work.now).date(), work.now,
                                              self.new_token(),
                                              PriorityReason.GREEN if priority else None)
            if device:
                work.issuers.append((ticket.id, device))
            return ticket, events

        ticket = self._run(command)
        return issued_view(self.ticket_json(ticket), ticket, self.hall)

    def cancel(self, ticket_id: int, reason: str, waiting_only: bool = False) -> contract.Ticket:
        self.find_ticket(ticket_id)

        def command(work: Work) -> tuple[None, list[Event]]:
            ticket = work.state.ticket(ticket_id)
            if waiting_only and ticket.status is not Status.WAITING:  # a kiosk's own, missed
                raise Conflict(f"ticket {ticket.number} is {ticket.status}; only a waiting "
                               "ticket can be cancelled here", code="not_waiting")
            return None, work.state.cancel(ticket_id, reason)
        self._run(command)
        return self.ticket_json(self.state.ticket(ticket_id))

    def restore(self, ticket_id: int) -> contract.Ticket:
        self.find_ticket(ticket_id)
        self._run(lambda w: (None, w.state.restore(ticket_id, w.now)))
        return self.ticket_json(self.state.ticket(ticket_id))

    # ---- windows -----------------------------------------------------------------------
    def call_next(self, window_id: str) -> contract.Ticket | None:
        ticket = self._run(lambda w: calls.call_next(w.state, window_id, w.now))
        return self.ticket_json(ticket) if ticket else None

    def call_number(self, window_id: str, number: str) -> contract.Ticket:
        return self.ticket_json(self._run(
            lambda w: calls.call_number(w.state, window_id, number, w.now)))

    def recall(self, window_id: str) -> contract.Ticket:
        return self.ticket_json(self._run(lambda w: calls.recall(w.state, window_id)))

    def skip(self, window_id: str) -> contract.Ticket:
        return self.ticket_json(self._run(lambda w: calls.skip(w.state, window_id, w.now)))

    def finish(self, window_id: str) -> contract.Ticket:
        return self.ticket_json(self._run(lambda w: calls.finish(w.state, window_id, w.now)))

    def transfer(self, window_id: str, service: str) -> contract.Ticket:
        return self.ticket_json(self._run(
            lambda w: calls.transfer(w.state, window_id, service, w.now)))

    def pause(self, window_id: str, reason: str) -> contract.Window:
        self._run(lambda w: (None, windows.pause(w.state, window_id, reason, w.now)))
        return self.window_json(window_id)

    def resume(self, window_id: str) -> contract.Window:
        self._run(lambda w: (None, windows.resume(w.state, window_id, w.now)))
        return self.window_json(window_id)

    def login(self, window_id: str, clerk_id: str, pin: str, device: str = "") -> contract.Window:
        self.state.window(window_id)
        clerk = self.login_guard.authenticate(self.hall, window_id, clerk_id, pin, self.clock(),
                                              device)
        self._run(lambda w: (None, windows.login(w.state, window_id, clerk)))
        return self.window_json(window_id)

    def change_pin(self, window_id: str, pin: str, new_pin: str,
                   device: str = "") -> contract.Window:
        """The clerk logged in at the window chooses a new PIN; the old one is checked as at
        log-in (wrong ones count towards the lock)."""
        clerk_id = self.state.window(window_id).clerk
        if clerk_id is None:
            raise Conflict(f"no clerk is logged in at window {window_id}", code="not_logged_in")
        windows.check_new_pin(pin, new_pin)
        clerk = self.login_guard.authenticate(self.hall, window_id, clerk_id, pin, self.clock(),
                                              device)
        self.login_guard.pins.set(clerk_id, hash_pin(new_pin), self.clock(), device,
                                  replaces=clerk.pin_hash)
        log.info("clerk %s changed the PIN at window %s (device %s)", clerk_id, window_id,
                 device)
        return self.window_json(window_id)

    def logout(self, window_id: str) -> contract.Window:
        self._run(lambda w: (None, windows.logout(w.state, window_id, w.now)))
        return self.window_json(window_id)

    def day(self) -> date:
        return self.local(self.clock()).date()

    # ---- ratings and appointments (their own modules, on the same unit of work) ----------
    def rate(self, ticket_id: int, score: object, reasons: list[str], comment: str,
             channel: str) -> contract.Rating:
        return ratings.add_rating(self.work, ticket_id, score, reasons, comment, channel)

    def rate_last(self, window_id: str, score: object, channel: str, reasons: list[str],
                  comment: str) -> contract.Rating:
        return ratings.rate_last_at_window(self.work, window_id, score, channel, reasons,
                                           comment)

    def is_rated(self, ticket_id: int) -> bool:
        return ratings.is_rated(self.work, ticket_id)

    def ticket_by_token(self, token: str) -> Ticket:
        return ratings.by_token(self.work, token)

    def follow_ups(self, status: str | None,
                   state: str | None = None) -> list[contract.FollowUp]:
        return follow_ups.listing(self.work, status, state)

    def update_follow_up(self, rating_id: int, status: str, note: str,
                         who: str = "admin") -> contract.FollowUp:
        return follow_ups.add_note(self.work, rating_id, status, note, who)

    def book(self, service: str, slot_start: datetime, slot_end: datetime,
             code: str | None = None,
             citizen_id: str | None = None) -> contract.Appointment:
        booked = appointments.new_appointment(self.work, service, slot_start, slot_end, code,
                                               citizen_id)
        appointments.book(self.work, [booked])
        return appointments.appointment_view(booked, self.work)

    def appointment(self, code: str) -> contract.Appointment:
        return appointments.find(self.work, code)

    def import_appointments(self, path: Path, data: bytes | None = None) -> int:
        return appointments.import_csv(self.work, path, data)

    def appointments_on(self, day: date) -> list[contract.Appointment]:
        return appointments.on_day(self.work, day)
