"""Which device issued each ticket, so that a kiosk cancels only the tickets it issued and
could not print (issue 15): no kiosk token can empty another kiosk's queue, nor cancel a
ticket that was already called."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hallq import contract
from hallq.server.domain.errors import Forbidden
from hallq.server.storage.trust_store import TrustStore

if TYPE_CHECKING:
    from hallq.server.service.hall_service import HallService


def issue(hs: HallService, device: str, service: str | None, priority: bool = False,
          appointment: str | None = None,
          guide_pin: str | None = None) -> contract.IssuedTicket:
    """Issue a ticket and remember the device that asked for it, in the ticket's own commit
    (the unit of work): a ticket is never answered without its issuer."""
    return hs.issue(service, priority, appointment, guide_pin, device)


def cancel_own(hs: HallService, ticket_id: int, reason: str, device: str) -> contract.Ticket:
    """A kiosk cancels a ticket it issued that still waits; 403 for any other ticket."""
    ticket = hs.find_ticket(ticket_id)
    if TrustStore(hs.store.engine).issuer(ticket_id) != device:
        raise Forbidden(f"ticket {ticket.number} was not issued by device {device}; a kiosk "
                        "may cancel only its own tickets", code="not_own_ticket")
    return hs.cancel(ticket_id, reason, waiting_only=True)


def issued_by(hs: HallService, ticket_id: int, device: str) -> bool:
    """Whether ``device`` issued the ticket (and so may read its secret status page again)."""
    return TrustStore(hs.store.engine).issuer(ticket_id) == device
