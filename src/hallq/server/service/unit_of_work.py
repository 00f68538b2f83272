"""The hall's one unit of work, and the server's one concurrency model.

**One writer.** Every command (issue, call, pause, rating, check-in, follow-up, …) runs on ONE
dedicated writer thread (``writer.py``): :meth:`UnitOfWork.run` hands the command to it and
waits, and the async API handlers await it through :meth:`UnitOfWork.submit` without blocking
the event loop. On the writer thread the command takes the hall's lock, loads everything it
changes (the live queue is in memory; an appointment or a rating is read from the store here,
under the lock), and records every changed ticket, window, pause, counter, appointment, rating,
follow-up and the device that issued a new ticket in one :class:`Work`.

**Group commit.** The writer runs the commands queued at the same moment as one batch, holding
the lock throughout. A command that changes only the live queue (issue, call, finish, pause, …:
the busy ones) leaves its changes pending; the batch commits them in ONE transaction (one fsync
for eight kiosks and pads instead of eight), then publishes their events (``on_commit``, in
order, the views built when each command ran: an answer and its event agree) and only then
answers the callers. Any other command (a rating, a booking, a configuration change, …) first
commits what is pending, then commits itself alone, so its own conflict refuses only itself.
If a commit fails, the live queue is reloaded from the database (memory never runs ahead of the
disk) and every command whose changes it held is refused with the commit's error.

**Reads** never block the event loop on I/O either: the API runs them in the thread pool, where
they take the same lock for a consistent view of the live queue (never a pending change: the
lock is held from a batch's first command to its commit).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hallq import contract
from hallq.server.domain.errors import HallError
from hallq.server.domain.events import Event
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import Changes
from hallq.server.service.work import Command, Pending, Work
from hallq.server.service.writer import Job, Writer
from hallq.server.storage.store import Store

T = TypeVar("T")
log = logging.getLogger("hallq.server")


OnPrepare = Callable[[list[Event], datetime], list[Any]]
OnCommit = Callable[[list[Any]], None]
OnHall = Callable[[Hall], None]


class UnitOfWork:
    def __init__(self, hall: Hall, store: Store, clock: Callable[[], datetime],
                 new_token: Callable[[], str]) -> None:
        self.hall, self.store, self.clock, self.new_token = hall, store, clock, new_token
        self.tz = ZoneInfo(hall.timezone)
        self.lock = threading.RLock()
        # a command's events become what is published (built while the command's state is
        # current: views, sequence numbers), then published once committed
        self.on_prepare: OnPrepare = lambda events, now: list(events)
        self.on_commit: OnCommit = lambda prepared: None
        self.after_batch: list[Callable[[], None]] = []  # after a batch that committed
        self.on_hall: list[OnHall] = []  # told of a new hall (live configuration), in order
        self.views: dict[int, contract.Ticket] = {}  # built by the last command's events
        self.today: date = self.local(clock()).date()
        self.state = store.load_state(hall, self.today)
        self._pending = Pending()
        self._job: Job | None = None  # the job running on the writer
        self._committed = False  # in this batch
        self._writer = Writer(self._batch)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    # ---- where commands run ----------------------------------------------------------------
    def on_writer(self, fn: Callable[..., T], *args: Any) -> T:
        """Call ``fn`` on the writer thread and wait for it (inline when already there).
        Never call it holding the lock: the writer would wait for it."""
        if self._writer.here():
            return fn(*args)
        result: T = self._writer.submit(fn, *args).result()
        return result

    def submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """``fn`` on the writer thread, awaitable from the event loop without blocking it."""
        return asyncio.wrap_future(self._writer.submit(fn, *args))

    def queued(self) -> int:
        """Commands waiting for the writer (they will share one commit)."""
        return self._writer.jobs.qsize()

    def close(self) -> None:
        self._writer.close()

    def _batch(self, jobs: list[Job]) -> None:
        with self.lock:
            self._committed = False
            for job in jobs:
                self._job = job
                job.run()
            self._job = None
            with suppress(Exception):  # the jobs whose changes it held get its error
                self.flush()
            if self._committed:
                for hook in self.after_batch:
                    try:
                        hook()
                    except Exception:
                        log.exception("after a batch")

    def flush(self) -> None:
        """Commit what the batch's queue commands changed, then publish their events. On the
        writer thread, under the lock; also before anything is published outside a command, so
        the stream keeps its order."""
        pending, self._pending = self._pending, Pending()
        if not pending.jobs:
            return
        try:
            self._save(self.state.take_changes(), issuers=pending.issuers)
        except Exception as e:
            for job in pending.jobs:
                job.fail(e)
            raise
        self._committed = True
        self.on_commit(pending.prepared)

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
                    self._settle(work, [])
                raise
            self._settle(work, events + more)
            return result

    def _settle(self, work: Work, events: list[Event]) -> None:
        """Leave a queue command's changes to the batch's commit; commit any other now."""
        self.state.settle()
        job = self._job
        if job is not None and work.only_queue():
            if not (events or work.issuers or self.state.changes):
                return  # nothing changed and nothing pending (a reader's day catch-up)
            self._pending.issuers += work.issuers
            self._pending.prepared += self.on_prepare(events, work.now)
            if job not in self._pending.jobs:
                self._pending.jobs.append(job)
            return
        self.flush()
        self._commit(work)
        self._committed = True
        if work.hall is not None:
            self._swap(work.hall)
        self.on_commit(self.on_prepare(events, work.now))

    def _swap(self, hall: Hall) -> None:
        """The committed configuration takes effect at once, under the lock: no reader sees
        half of it."""
        self.hall, self.tz = hall, ZoneInfo(hall.timezone)
        self.store.tz = self.tz
        self.state.reconfigure(hall)
        for hook in self.on_hall:
            hook(hall)

    def _commit(self, work: Work) -> None:
        self._save(self.state.take_changes(), appointments=work.appointments,
                   booked=work.booked, ratings=work.ratings, follow_ups=work.follow_ups,
                   issuers=work.issuers, notes=work.notes, config=work.config)

    def _save(self, changes: Changes, **rows: Any) -> None:
        try:
            self.store.save(self.state, changes, today=self.today, **rows)
        except Exception:
            self.state = self.store.load_state(self.hall, self.today)
            self.views.clear()
            raise
