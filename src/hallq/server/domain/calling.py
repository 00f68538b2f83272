"""The calling order: which waiting ticket a window gets next.

Among the waiting tickets of the services the window serves, priority tickets (green channel,
transferred, checked-in appointments) come before ordinary ones; within a class the one that has
waited longest. Per-service weights may bend the order of ordinary tickets: a ticket's wait counts
``weight`` times. With every weight 1.0 the order is exactly the one above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from hallq.server.domain.ticket import Status, Ticket


def order_key(
    ticket: Ticket, now: datetime, weights: Mapping[str, float]
) -> tuple[int, float, datetime, int]:
    weight = weights.get(ticket.service, 1.0)
    if ticket.is_priority or weight == 1.0:
        weighted = -(now - ticket.queued_at).total_seconds()
    else:
        weighted = -(now - ticket.queued_at).total_seconds() * weight
    return (0 if ticket.is_priority else 1, weighted, ticket.queued_at, ticket.id)


def choose_next(
    tickets: Iterable[Ticket],
    services: Iterable[str],
    now: datetime,
    weights: Mapping[str, float] | None = None,
) -> Ticket | None:
    served = set(services)
    candidates = [t for t in tickets if t.status is Status.WAITING and t.service in served]
    if not candidates:
        return None
    weights = weights or {}
    if all(weights.get(code, 1.0) == 1.0 for code in served):
        # unweighted, order_key orders exactly like this, without the time arithmetic
        return min(candidates, key=lambda t: (not t.is_priority, t.queued_at, t.id))
    return min(candidates, key=lambda t: order_key(t, now, weights))


def ahead_of(ticket: Ticket, tickets: Iterable[Ticket], now: datetime,
             weights: Mapping[str, float] | None = None) -> int:
    """How many waiting tickets of the same service would be called before this one."""
    if ticket.status is not Status.WAITING:
        return 0
    # Within one service every ordinary ticket has the same weight, so the weighted order is
    # the plain one: priority first, then the earliest queued.
    mine = (not ticket.is_priority, ticket.queued_at, ticket.id)
    return sum(
        1
        for t in tickets
        if t.service == ticket.service
        and t.status is Status.WAITING
        and (not t.is_priority, t.queued_at, t.id) < mine
    )
