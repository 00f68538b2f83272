"""Ratings (好差评, 9.2–9.5) and the follow-up of bad ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hallq.server.domain.errors import Conflict, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.rating import advance_follow_up, rate
from hallq.server.domain.ticket import Ticket
from hallq.server.service.views import rating_view

if TYPE_CHECKING:
    from hallq.server.service.hall_service import HallService


def add_rating(hs: HallService, ticket: Ticket, score: object, reasons: list[str],
               comment: str, channel: str) -> dict[str, Any]:
    """One rating per finished ticket; never a default one (an unrated ticket stays unrated)."""
    with hs.lock:
        now = hs.clock()
        rating = rate(ticket, score, reasons, comment, channel, hs.hall.bad_rating_reasons,
                      hs.hall.policy.follow_up_days, now)
        if hs.store.rating_for(ticket.id) is not None:
            raise Conflict(f"ticket {ticket.number} was already rated; one rating per ticket",
                           code="already_rated")
        hs.store.add_rating(rating)
        hs._publish(Event("ticket.rated", window=rating.window,
                          data={"ticket_id": ticket.id, "number": ticket.number,
                                "score": rating.score}), now)
        return rating_view(rating, hs.tz)


def rate_last_at_window(hs: HallService, window_id: str, score: object, channel: str,
                        reasons: list[str], comment: str) -> dict[str, Any]:
    """A rating device or pad rates the ticket its window finished last."""
    window = hs.state.window(window_id)
    if window.last_finished is None:
        raise Conflict(f"window {window_id} has finished no ticket to rate", code="nothing_to_rate")
    return add_rating(hs, hs.find_ticket(window.last_finished), score, reasons, comment, channel)


def by_token(hs: HallService, token: str) -> Ticket:
    with hs.lock:
        ticket = next((t for t in hs.state.tickets.values() if t.token == token), None)
    ticket = ticket or hs.store.ticket_by_token(token)
    if ticket is None:
        raise NotFound("no such ticket")
    return ticket


def follow_ups(hs: HallService, status: str | None) -> list[dict[str, Any]]:
    return [rating_view(r, hs.tz) for r in hs.store.follow_ups(status)]


def update_follow_up(hs: HallService, rating_id: int, status: str, note: str) -> dict[str, Any]:
    rating = next((r for r in hs.store.follow_ups(None) if r.id == rating_id), None)
    if rating is None:
        raise NotFound(f"no bad rating {rating_id}")
    advance_follow_up(rating, status, note)
    hs.store.save_follow_up(rating)
    return rating_view(rating, hs.tz)
