"""The follow-up of a bad rating (整改/回访, 9.5): its state, its deadline, and what was done,
kept as an append-only history of notes (who, when, what); a note is never changed or lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hallq.server.domain.errors import Conflict, Invalid
from hallq.server.domain.rating import FollowUp, Rating

# the states people speak of, and the stored status each is (the API keeps both names)
STATES = {"open": FollowUp.OPEN, "in_progress": FollowUp.CONTACTED,
          "closed": FollowUp.RESOLVED}
STATE_OF = {status: state for state, status in STATES.items()}
STATE_NAMES = {"open": ("待处理", "open"), "in_progress": ("处理中", "in progress"),
               "closed": ("已办结", "closed"), "overdue": ("已超期", "overdue")}
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class FollowUpNote:
    """One entry of a follow-up's history: ``status`` is the follow-up's status after it."""

    rating_id: int
    at: datetime
    who: str
    status: str
    note: str
    id: int = 0


def status_named(name: str) -> FollowUp:
    """``open``/``contacted``/``resolved`` or ``open``/``in_progress``/``closed``."""
    if name in STATES:
        return STATES[name]
    try:
        return FollowUp(name)
    except ValueError:
        raise Invalid("status: one of open, in_progress (contacted), closed (resolved)",
                      field="status") from None


def state_of(rating: Rating) -> str | None:
    return STATE_OF[rating.follow_up] if rating.follow_up else None


def is_overdue(rating: Rating, now: datetime) -> bool:
    """Not closed and past its deadline (``follow_up_days`` after the rating)."""
    return (rating.follow_up not in (None, FollowUp.RESOLVED)
            and rating.follow_up_due is not None and now > rating.follow_up_due)


def record(rating: Rating, status: str, note: str, who: str, now: datetime,
           earlier_notes: int) -> FollowUpNote:
    """Move the follow-up to ``status`` with what was done. Closing needs a note saying what
    was done (now, or an earlier one); the note is appended, the earlier ones stay."""
    if rating.follow_up is None:
        raise Conflict("only a bad rating (1 or 2) has a follow-up", code="no_follow_up")
    new = status_named(status)
    text = note.strip()
    if len(text) > NOTE_LIMIT:
        raise Invalid(f"note: at most {NOTE_LIMIT} characters", field="note")
    if not text and new is rating.follow_up:
        raise Invalid("note: say what was done (the status is already "
                      f"{STATE_OF[new]})", field="note")
    if new is FollowUp.RESOLVED and not text and not earlier_notes:
        raise Invalid("note: say what was done before closing the follow-up", field="note")
    rating.follow_up = new
    if text:
        rating.follow_up_note = text  # the latest note, as the rating's view has always shown
    return FollowUpNote(rating.id, now, who.strip()[:60] or "?", new.value, text)
