"""The waiting tickets by service, with their calling order kept sorted as they come and go.

Issuing a ticket answers how many people are ahead and how many wait per service; both must cost
the same with nobody waiting or with ten thousand. So each service keeps, beside its waiting
tickets, the sorted list of their order keys (priority first, then the earliest queued, then the
id: ``calling.ahead_of``'s order): "ahead" is a binary search, a count is a length. Keys are
remembered as they were indexed, so a ticket changed in place (a transfer, a priority) is found
and moved again by its old key.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from datetime import datetime

from hallq.server.domain.ticket import Status, Ticket

OrderKey = tuple[bool, datetime, int]


def order_key(ticket: Ticket) -> OrderKey:
    """A ticket's place within its service's queue (see ``calling.ahead_of``)."""
    return (not ticket.is_priority, ticket.queued_at, ticket.id)


class WaitingIndex:
    def __init__(self, services: Iterable[str]) -> None:
        self._tickets: dict[str, dict[int, Ticket]] = {code: {} for code in services}
        self._keys: dict[str, list[OrderKey]] = {code: [] for code in self._tickets}
        self._indexed: dict[int, tuple[str, OrderKey]] = {}  # id → (service, key) as indexed

    def follow(self, services: Iterable[str]) -> None:
        """The hall's services changed: new ones get a queue, removed ones (with nobody
        waiting, which the service layer makes sure of) lose theirs."""
        codes = list(services)
        self._tickets = {c: self._tickets.get(c, {}) for c in codes}
        self._keys = {c: self._keys.get(c, []) for c in codes}

    def index(self, ticket: Ticket) -> None:
        """Bring the index in step with ``ticket``'s status, service, priority and time."""
        self.unindex(ticket.id)
        if ticket.status is Status.WAITING:
            key = order_key(ticket)
            self._tickets.setdefault(ticket.service, {})[ticket.id] = ticket
            insort(self._keys.setdefault(ticket.service, []), key)
            self._indexed[ticket.id] = (ticket.service, key)

    def unindex(self, ticket_id: int) -> None:
        indexed = self._indexed.pop(ticket_id, None)
        if indexed is None:
            return
        service, key = indexed
        self._tickets[service].pop(ticket_id, None)
        keys = self._keys[service]
        at = bisect_left(keys, key)
        if at < len(keys) and keys[at] == key:
            del keys[at]

    def waiting(self, services: Iterable[str] | None = None) -> list[Ticket]:
        """The waiting tickets, of all services or of the ones given."""
        buckets = (self._tickets.values() if services is None
                   else [self._tickets.get(code, {}) for code in services])
        return [t for bucket in buckets for t in bucket.values()]

    def longest_waiting(self, service: str) -> Ticket | None:
        """The service's ticket that has waited longest: the first key of the priority
        tickets or of the others, whichever queued earlier (two binary searches, not a walk:
        the alarms ask after every batch of commands)."""
        keys = self._keys.get(service, [])
        if not keys:
            return None
        at = self._first_ordinary(keys)
        first = min([keys[0], *keys[at:at + 1]], key=lambda key: key[1])
        return self._tickets[service][first[2]]

    def waiting_since_before(self, service: str, cutoff: datetime) -> int:
        """How many of the service's waiting tickets joined its queue before ``cutoff``."""
        keys = self._keys.get(service, [])
        if not keys:
            return 0
        at = self._first_ordinary(keys)
        return (bisect_left(keys, (False, cutoff, 0), 0, at)
                + bisect_left(keys, (True, cutoff, 0), at) - at)

    @staticmethod
    def _first_ordinary(keys: list[OrderKey]) -> int:
        """Where the tickets without priority begin in a service's sorted keys."""
        return bisect_left(keys, (True, datetime.min.replace(tzinfo=keys[0][1].tzinfo), 0))

    def counts(self) -> dict[str, int]:
        return {code: len(bucket) for code, bucket in self._tickets.items()}

    def ahead(self, ticket: Ticket) -> int:
        """How many waiting tickets of its service would be called before this one."""
        if ticket.status is not Status.WAITING:
            return 0
        return bisect_left(self._keys.get(ticket.service, []), order_key(ticket))
