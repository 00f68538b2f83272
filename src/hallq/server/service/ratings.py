"""Ratings (好差评, 9.2–9.5) and the follow-up of bad ones, each a command of the unit of work."""

from __future__ import annotations

from hallq import contract
from hallq.server.domain.errors import Conflict, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.rating import Rating, rate
from hallq.server.domain.ticket import Ticket
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.service.views import rating_view
from hallq.server.service.work import Work


def _ticket(work: Work, ticket_id: int) -> Ticket:
    ticket = work.state.tickets.get(ticket_id) or work.store.ticket(ticket_id)
    if ticket is None:
        raise NotFound(f"no ticket {ticket_id}")
    return ticket


def _rate(work: Work, uow: UnitOfWork, ticket: Ticket, score: object, reasons: list[str],
          comment: str, channel: str) -> tuple[Rating, list[Event]]:
    rating = rate(ticket, score, reasons, comment, channel, uow.hall.bad_rating_reasons,
                  uow.hall.policy.follow_up_days, work.now)
    if work.store.rating_for(ticket.id) is not None:
        raise Conflict(f"ticket {ticket.number} was already rated; one rating per ticket",
                       code="already_rated")
    work.ratings.append(rating)
    return rating, [Event("ticket.rated", window=rating.window,
                          data={"ticket_id": ticket.id, "number": ticket.number,
                                "score": rating.score})]


def add_rating(uow: UnitOfWork, ticket_id: int, score: object, reasons: list[str],
               comment: str, channel: str) -> contract.Rating:
    """One rating per finished ticket; never a default one (an unrated ticket stays unrated).
    The ticket and its earlier rating are loaded inside the unit of work."""
    rating = uow.run(lambda work: _rate(work, uow, _ticket(work, ticket_id), score, reasons,
                                        comment, channel))
    return rating_view(rating, uow.tz)


def rate_last_at_window(uow: UnitOfWork, window_id: str, score: object, channel: str,
                        reasons: list[str], comment: str) -> contract.Rating:
    """A rating device or pad rates the ticket its window finished last."""
    def command(work: Work) -> tuple[Rating, list[Event]]:
        window = work.state.window(window_id)
        if window.last_finished is None:
            raise Conflict(f"window {window_id} has finished no ticket to rate",
                           code="nothing_to_rate")
        return _rate(work, uow, _ticket(work, window.last_finished), score, reasons, comment,
                     channel)

    return rating_view(uow.run(command), uow.tz)


def is_rated(uow: UnitOfWork, ticket_id: int) -> bool:
    return uow.store.rating_for(ticket_id) is not None


def by_token(uow: UnitOfWork, token: str) -> Ticket:
    with uow.lock:
        ticket = next((t for t in uow.state.tickets.values() if t.token == token), None)
    ticket = ticket or uow.store.ticket_by_token(token)
    if ticket is None:
        raise NotFound("no such ticket")
    return ticket

