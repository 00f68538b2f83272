"""Rows to domain objects and back."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from hallq.server.domain.appointments import Appointment, AppointmentStatus
from hallq.server.domain.rating import FollowUp, Rating
from hallq.server.domain.ticket import (
    Pause,
    PriorityReason,
    Status,
    Ticket,
    WindowState,
    WindowStatus,
)

TICKET_FIELDS = tuple(f.name for f in fields(Ticket))


def ticket_values(t: Ticket) -> dict[str, Any]:
    values = {name: getattr(t, name) for name in TICKET_FIELDS}  # asdict() deep-copies: slow
    values["status"] = t.status.value
    values["priority"] = t.priority.value if t.priority else None
    return values


def ticket_from(row: Any) -> Ticket:
    return Ticket(
        id=row.id, number=row.number, service=row.service, day=row.day, seq=row.seq,
        token=row.token, issued_at=row.issued_at, queued_at=row.queued_at,
        status=Status(row.status), priority=PriorityReason(row.priority) if row.priority else None,
        window=row.window, clerk=row.clerk, called_at=row.called_at, finished_at=row.finished_at,
        recalls=row.recalls, first_service=row.first_service, appointment=row.appointment,
        cancel_reason=row.cancel_reason,
    )


def window_values(w: WindowState) -> dict[str, Any]:
    values = asdict(w)
    values["status"] = w.status.value
    return values


def window_from(row: Any) -> WindowState:
    return WindowState(row.id, WindowStatus(row.status), row.clerk, row.current, row.pause_reason,
                       row.paused_at, row.last_finished)


def pause_values(p: Pause, tz: Any) -> dict[str, Any]:
    return {**asdict(p), "day": p.started_at.astimezone(tz).date()}


def pause_from(row: Any) -> Pause:
    return Pause(row.id, row.window, row.clerk, row.reason, row.started_at, row.ended_at)


def rating_values(r: Rating, tz: Any) -> dict[str, Any]:
    return {
        "ticket_id": r.ticket_id, "score": r.score, "window": r.window, "clerk": r.clerk,
        "service": r.service, "day": r.rated_at.astimezone(tz).date(), "rated_at": r.rated_at,
        "channel": r.channel, "reasons": "\n".join(r.reasons), "comment": r.comment,
        "follow_up": r.follow_up.value if r.follow_up else None,
        "follow_up_due": r.follow_up_due, "follow_up_note": r.follow_up_note,
    }


def rating_from(row: Any) -> Rating:
    return Rating(
        id=row.id, ticket_id=row.ticket_id, score=row.score, window=row.window, clerk=row.clerk,
        service=row.service, rated_at=row.rated_at, channel=row.channel,
        reasons=tuple(r for r in row.reasons.split("\n") if r), comment=row.comment,
        follow_up=FollowUp(row.follow_up) if row.follow_up else None,
        follow_up_due=row.follow_up_due, follow_up_note=row.follow_up_note,
    )


def appointment_values(a: Appointment) -> dict[str, Any]:
    return {**asdict(a), "status": a.status.value}


def appointment_from(row: Any) -> Appointment:
    return Appointment(row.code, row.service, row.slot_start, row.slot_end,
                       AppointmentStatus(row.status), row.ticket_id, row.citizen_digest,
                       row.citizen_masked)
