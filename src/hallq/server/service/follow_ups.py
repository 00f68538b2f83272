"""Following up bad ratings (整改/回访, 9.5): the list with its states and deadlines, the counts,
and a supervisor's note (appended, never overwritten) that may move or close the follow-up."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from hallq import contract
from hallq.server.domain.errors import NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.follow_up import STATES, FollowUpNote, is_overdue, record, state_of
from hallq.server.domain.rating import FollowUp, Rating
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.service.views import (
    FOLLOW_UP,
    FOLLOW_UP_STATE,
    iso,
    rating_view,
    service_names,
)
from hallq.server.service.work import Work
from hallq.server.storage.alarm_store import notes_of, ticket_numbers


def note_view(n: FollowUpNote, uow: UnitOfWork) -> contract.FollowUpNote:
    status = FollowUp(n.status)
    return contract.FollowUpNote(at=iso(n.at, uow.tz) or "", who=n.who,
                                 status=FOLLOW_UP[status], state=FOLLOW_UP_STATE[status],
                                 note=n.note)


def follow_up_view(r: Rating, uow: UnitOfWork, now: datetime, number: str | None,
                   notes: list[FollowUpNote]) -> contract.FollowUp:
    hall = uow.hall
    window = hall.window(r.window) if r.window else None
    clerk = hall.clerk(r.clerk) if r.clerk else None
    return contract.FollowUp(
        **dict(rating_view(r, uow.tz)), number=number, **service_names(hall, r.service),
        window_name=window.name if window else r.window,
        window_name_en=window.name_en if window else "",
        reasons_en=[hall.english_reason(reason) for reason in r.reasons],
        clerk_name=clerk.name if clerk else r.clerk,
        state=FOLLOW_UP_STATE[r.follow_up] if r.follow_up else None,
        overdue=is_overdue(r, now), notes=[note_view(n, uow) for n in notes])


def _views(uow: UnitOfWork, found: list[Rating], now: datetime) -> list[contract.FollowUp]:
    numbers = ticket_numbers(uow.store.engine, [r.ticket_id for r in found])
    notes = notes_of(uow.store.engine, [r.id for r in found])
    return [follow_up_view(r, uow, now, numbers.get(r.ticket_id), notes[r.id]) for r in found]


def _rated(uow: UnitOfWork, found: list[Rating], start: date | None,
           end: date | None) -> list[Rating]:
    """Those rated from ``start`` to ``end`` (days of the hall, both included)."""
    if start is None and end is None:
        return found
    return [r for r in found
            if (start is None or r.rated_at.astimezone(uow.tz).date() >= start)
            and (end is None or r.rated_at.astimezone(uow.tz).date() <= end)]


def listing(uow: UnitOfWork, status: str | None = None, state: str | None = None,
            start: date | None = None, end: date | None = None) -> list[contract.FollowUp]:
    """The follow-ups, the earliest deadline first; ``status`` (open/contacted/resolved) or
    ``state`` (open/in_progress/closed/overdue) and the days rated narrow the list."""
    now = uow.clock()
    if state in STATES:
        status = STATES[state].value
    found = _rated(uow, uow.store.follow_ups(status), start, end)
    return _views(uow, [r for r in found if _in_state(r, state, now)], now)


def counts(uow: UnitOfWork, start: date | None = None,
           end: date | None = None) -> contract.FollowUpCounts:
    """How many are open, in progress, closed, overdue (of those rated in the days given):
    what a report of a period shows of its bad ratings' follow-up."""
    return _tally(_rated(uow, uow.store.follow_ups(None), start, end), uow.clock())


def listing_and_counts(uow: UnitOfWork, state: str | None = None
                       ) -> tuple[list[contract.FollowUp], contract.FollowUpCounts]:
    """The list narrowed to ``state`` and the counts of all, from one read (the console's
    follow-ups page shows both)."""
    now = uow.clock()
    every = uow.store.follow_ups(None)
    shown = [r for r in every if _in_state(r, state, now)]
    return _views(uow, shown, now), _tally(every, now)


def _in_state(r: Rating, state: str | None, now: datetime) -> bool:
    if state == "overdue":
        return is_overdue(r, now)
    return state not in STATES or state_of(r) == state


def _tally(found: list[Rating], now: datetime) -> contract.FollowUpCounts:
    tally = Counter(state_of(r) for r in found)
    return contract.FollowUpCounts(open=tally["open"], in_progress=tally["in_progress"],
                                   closed=tally["closed"],
                                   overdue=sum(is_overdue(r, now) for r in found),
                                   total=len(found))


def add_note(uow: UnitOfWork, rating_id: int, status: str, note: str,
             who: str) -> contract.FollowUp:
    """Record what was done (and the follow-up's new status), in one commit."""
    def command(work: Work) -> tuple[Rating, list[Event]]:
        rating = work.store.rating(rating_id)
        if rating is None or rating.follow_up is None:
            raise NotFound(f"no bad rating {rating_id}")
        earlier = notes_of(work.store.engine, [rating.id])[rating.id]
        # a note written before the history was kept (follow_up_note alone) counts too
        written = sum(1 for n in earlier if n.note) or int(bool(rating.follow_up_note))
        entry = record(rating, status, note, who, work.now, written)
        work.follow_ups.append(rating)
        work.notes.append(entry)
        return rating, [Event("follow_up.noted", window=rating.window,
                              data={"rating_id": rating.id, "state": state_of(rating)})]

    rating = uow.run(command)
    return _views(uow, [rating], uow.clock())[0]
