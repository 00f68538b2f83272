"""What one command works on (:class:`Work`) and what a batch of commands has changed but
not yet committed (:class:`Pending`): the unit of work's data (``unit_of_work.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from hallq.server.domain.appointments import Appointment
from hallq.server.domain.events import Event
from hallq.server.domain.follow_up import FollowUpNote
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import QueueState
from hallq.server.domain.rating import Rating
from hallq.server.service.writer import Job
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

    def only_queue(self) -> bool:
        """Changes of the live queue alone (and who issued): nothing that can conflict in the
        database, so it may share a commit with its neighbours."""
        return not (self.appointments or self.booked or self.ratings or self.follow_ups
                    or self.notes or self.config or self.hall)


@dataclass
class Pending:
    """What the batch's queue commands changed and will publish, not committed yet."""

    issuers: list[tuple[int, str]] = field(default_factory=list)
    prepared: list[Any] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)


Command = Callable[[Work], tuple[T, list[Event]]]
