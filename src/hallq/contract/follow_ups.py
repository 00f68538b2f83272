"""A bad rating's follow-up (整改/回访, 9.5) with its append-only note history, and the counts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hallq.contract.base import Answer
from hallq.contract.tickets import FollowUpStatus, Rating

FollowUpState = Literal["open", "in_progress", "closed"]


class FollowUpNote(Answer):
    """One entry of the history: who, when, the status it left, what was done."""

    at: str
    who: str
    status: FollowUpStatus
    state: FollowUpState
    note: str = ""


class FollowUp(Rating):
    """The bad rating it follows, its state (``open``, ``in_progress`` = ``contacted``,
    ``closed`` = ``resolved``), whether it is past its deadline and every note so far."""

    number: str | None = Field(None, description="the ticket's number, e.g. A012")
    service_name: str = ""
    service_name_en: str = ""
    window_name: str | None = None
    window_name_en: str = ""
    reasons_en: list[str] = Field(default_factory=list, description=(
        "one for one with reasons: each in English ([policy] bad_rating_reasons_en; the "
        "reason itself where the hall gives none)"))
    clerk_name: str | None = None
    state: FollowUpState | None = None
    overdue: bool = False
    notes: list[FollowUpNote] = Field(default_factory=list, description="the oldest first")


class FollowUpCounts(Answer):
    open: int = 0
    in_progress: int = 0
    closed: int = 0
    overdue: int = Field(0, description="not closed and past the deadline (also counted in "
                         "open or in_progress)")
    total: int = 0
