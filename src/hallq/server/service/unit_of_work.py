"""The hall's one unit of work, and the server's one concurrency model.

**One writer.** Every command (issue, call, pause, rating, check-in, follow-up, …) runs on ONE
dedicated writer thread: :meth:`UnitOfWork.run` hands the command to it and waits, and the async
API handlers await it through :meth:`UnitOfWork.submit` without blocking the event loop. On the
writer thread the command takes the hall's lock, loads everything it changes (the live queue is
in memory; an appointment or a rating is read from the store here, under the lock), records every
changed ticket, window, pause, counter, appointment, rating, follow-up and the device that
issued a new ticket in one :class:`Work`,
commits them in ONE transaction and only then hands its events to ``on_commit`` (which publishes
them; the broadcaster moves them to the event loop thread-safely). If the commit fails, the live
queue is reloaded from the database, so memory never runs ahead of the disk.

**Reads** never block the event loop on I/O either: the API runs them in the thread pool, where
they take the same lock for a consistent view of the live queue.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hallq.server.domain.appointments import Appointment
from hallq.server.domain.errors import HallError
from hallq.server.domain.events import Event
from hallq.server.domain.follow_up import FollowUpNote
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import QueueState
from hallq.server.domain.rating import Rating
from hallq.server.storage.config_store import ConfigWrite
from hallq.server.storage.store import Store

T = TypeVar("T")


@dataclass
class Work:
    """One command's view of the hall: the time, the live queue, the store to load from, and
    what it changed beyond the live queue (the live queue records its own changes)."""

    now: datetime
    state: QueueState
    store: Store
    appointments: list[Appointment] = field(default_factory=list)  # changed ones
    booked: list[Appointment] = field(default_factory=list)  # new ones
    ratings: list[Rating] = field(default_factory=list)  # new ones
    follow_ups: list[Rating] = field(default_factory=list)  # changed follow-ups
    issuers: list[tuple[int, str]] = field(default_factory=list)  # (new ticket, its device)
    notes: list[FollowUpNote] = field(default_factory=list)  # new follow-up notes
    config: ConfigWrite | None = None  # a change of the live configuration ...
    hall: Hall | None = None  # ... and the hall it makes, swapped in once committed

    def changed(self) -> bool:
        return bool(self.state.changes or self.appointments or self.booked or self.ratings
                    or self.follow_ups or self.notes or self.config)


Command = Callable[[Work], tuple[T, list[Event]]]
OnCommit = Callable[[list[Event], datetime], None]
OnHall = Callable[[Hall], None]


class UnitOfWork:
    def __init__(self, hall: Hall, store: Store, clock: Callable[[], datetime],
                 new_token: Callable[[], str]) -> None:
        self.hall, self.store, self.clock, self.new_token = hall, store, clock, new_token
        self.tz = ZoneInfo(hall.timezone)
        self.lock = threading.RLock()
        self.on_commit: OnCommit = lambda events, now: None
        self.on_hall: list[OnHall] = []  # told of a new hall (live configuration), in order
        self.views: dict[int, Any] = {}  # views built by the last command's events
        self.today: date = self.local(clock()).date()
        self.state = store.load_state(hall, self.today)
        self._writer = ThreadPoolExecutor(1, "hallq-writer", initializer=self._mark_writer)
        self._writer_thread: int | None = None

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def _mark_writer(self) -> None:
        self._writer_thread = threading.get_ident()

    # ---- where commands run ----------------------------------------------------------------
    def on_writer(self, fn: Callable[..., T], *args: Any) -> T:
        """Call ``fn`` on the writer thread and wait for it (inline when already there).
        Never call it holding the lock: the writer would wait for it."""
        if threading.get_ident() == self._writer_thread:
            return fn(*args)
        return self._writer.submit(fn, *args).result()

    def submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """``fn`` on the writer thread, awaitable from the event loop without blocking it."""
        return asyncio.wrap_future(self._writer.submit(fn, *args))

    def close(self) -> None:
        self._writer.shutdown(wait=True)

    # ---- the unit of work --------------------------------------------------------------------
    def run(self, command: Command[T]) -> T:
        result: T = self.on_writer(self._run_here, command)
        return result

    def _run_here(self, command: Command[T]) -> T:
        with self.lock:
            self.views.clear()  # views cached by the previous command's events go stale
            work = Work(self.clock(), self.state, self.store)
            today = self.local(work.now).date()
            events: list[Event] = []
            if today != self.today:
                self.today = today
                events += self.state.roll_day(today)
            try:
                result, more = command(work)
            except HallError:
                if work.changed():  # a rule refused after a day roll or a forfeit: keep those
                    self._commit(work)
                raise
            events += more
            self._commit(work)
            if work.hall is not None:
                self._swap(work.hall)
            self.on_commit(events, work.now)
            return result

    def _swap(self, hall: Hall) -> None:
        """The committed configuration takes effect at once, under the lock: no reader sees
        half of it."""
        self.hall, self.tz = hall, ZoneInfo(hall.timezone)
        self.store.tz = self.tz
        self.state.reconfigure(hall)
        for hook in self.on_hall:
            hook(hall)

    def _commit(self, work: Work) -> None:
        changes = self.state.take_changes()
        try:
            self.store.save(self.state, changes, appointments=work.appointments,
                            booked=work.booked,
                            ratings=work.ratings, follow_ups=work.follow_ups,
                            issuers=work.issuers, notes=work.notes, config=work.config)
        except Exception:
            self.state = self.store.load_state(self.hall, self.today)
            raise
