"""The national 好差评 rating (9.2–9.5, GB/T 32169.4): five levels, reasons for bad ones,
and a follow-up (整改/回访) with a deadline for every bad rating."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from hallq.server.domain.errors import Conflict, Invalid
from hallq.server.domain.ticket import Status, Ticket

LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
LEVELS_EN = {5: "Very satisfied", 4: "Satisfied", 3: "Fair", 2: "Dissatisfied",
             1: "Very dissatisfied"}
BAD = (1, 2)
SATISFIED = (3, 4, 5)  # 满意率: 非常满意 + 满意 + 基本满意 (issue 10)
# Channels that cannot ask why: a rating device has five keys and nothing else. Their bad
# ratings are kept without reasons (refusing them would lose the citizen's verdict), and the
# follow-up (9.5) asks the reasons on the return call.
KEYS_ONLY = ("device",)


class FollowUp(StrEnum):
    OPEN = "open"
    CONTACTED = "contacted"
    RESOLVED = "resolved"


@dataclass
class Rating:
    ticket_id: int
    score: int
    window: str | None
    clerk: str | None
    service: str
    rated_at: datetime
    channel: str = "pad"  # pad | device | qr
    reasons: tuple[str, ...] = ()
    comment: str = ""
    follow_up: FollowUp | None = None
    follow_up_due: datetime | None = None
    follow_up_note: str = ""
    id: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def rate(ticket: Ticket, score: object, reasons: list[str], comment: str, channel: str,
         allowed_reasons: tuple[str, ...], follow_up_days: int, now: datetime) -> Rating:
    """Validate a rating of a finished ticket. The caller makes sure it is the first one."""
    if isinstance(score, bool) or not isinstance(score, int) or score not in LEVELS:
        raise Invalid("score: must be a whole number from 1 (非常不满意) to 5 (非常满意)",
                      field="score")
    if ticket.status is not Status.DONE:
        raise Conflict(f"ticket {ticket.number} is {ticket.status}; only a finished ticket "
                       "can be rated", code="not_done")
    cleaned = tuple(dict.fromkeys(r.strip() for r in reasons if r.strip()))
    unknown = [r for r in cleaned if allowed_reasons and r not in allowed_reasons]
    if unknown:
        raise Invalid(f"reasons: unknown {', '.join(unknown)}; choose from "
                      f"{', '.join(allowed_reasons)}", field="reasons")
    if len(comment) > 500:
        raise Invalid("comment: at most 500 characters", field="comment")
    bad = score in BAD
    if bad and not cleaned and channel not in KEYS_ONLY:  # 9.3: a bad rating says what was wrong
        raise Invalid(f"reasons: a rating of {score} ({LEVELS[score]}) needs at least one reason",
                      field="reasons")
    return Rating(
        ticket_id=ticket.id, score=score, window=ticket.window, clerk=ticket.clerk,
        service=ticket.service, rated_at=now, channel=channel, reasons=cleaned,
        comment=comment.strip(), follow_up=FollowUp.OPEN if bad else None,
        follow_up_due=now + timedelta(days=follow_up_days) if bad else None,
    )
