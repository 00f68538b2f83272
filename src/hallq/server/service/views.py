"""What the API answers: JSON-ready dicts built from domain objects, with the fields of the
models in ``hallq.contract`` (the routes declare those models as their ``response_model``, so
every answer is checked and documented there). Dicts, not models, because a ticket's view is
built for every event on the hot path and JSON-encoded as it is.

A ticket's secret (its ``status_url``) is in no view: only the answer to the kiosk that issued
the ticket carries it (``issued_view``), never an event, the state or a window."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from hallq.server.domain.hall import Hall, Service
from hallq.server.domain.hours import describe
from hallq.server.domain.rating import LEVELS, Rating
from hallq.server.domain.ticket import Ticket, WindowState


def iso(value: datetime | None, tz: tzinfo) -> str | None:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else None


def ticket_view(t: Ticket, ahead: int, tz: tzinfo, hall: Hall) -> dict[str, Any]:
    service = hall.service(t.service)
    return {
        "id": t.id, "number": t.number, "service": t.service,
        "service_name": service.name if service else t.service,
        "status": t.status.value, "window": t.window, "priority": t.is_priority,
        "priority_reason": t.priority.value if t.priority else None,
        "issued_at": iso(t.issued_at, tz), "called_at": iso(t.called_at, tz),
        "finished_at": iso(t.finished_at, tz), "waiting_ahead": ahead, "recalls": t.recalls,
        "transferred_from": t.first_service, "appointment": t.appointment,
        "windows": [w.id for w in hall.windows_serving(t.service)],
    }


def issued_view(view: dict[str, Any], t: Ticket, hall: Hall) -> dict[str, Any]:
    """The answer to the one who issued the ticket: its view and its secret status page."""
    url = hall.status_url.replace("{token}", t.token) if hall.status_url else None
    return {**view, "status_url": url}


def in_language(issued: dict[str, Any], language: str) -> dict[str, Any]:
    """The status page (and the rating page it links to) in the citizen's language."""
    url = issued.get("status_url")
    if language == "zh" or not url:
        return issued
    return {**issued, "status_url": f"{url}{'&' if '?' in url else '?'}lang={language}"}


def service_view(s: Service, hall: Hall, waiting: int, wait_s: int, closed: str | None,
                 issued: int) -> dict[str, Any]:
    return {
        "code": s.code, "name": s.name, "name_en": s.name_en, "prefix": s.prefix,
        "department": s.department, "department_en": s.department_en,
        "waiting": waiting, "estimated_wait_s": wait_s,
        "open": closed is None, "closed_reason": closed, "issued_today": issued,
        "daily_quota": s.daily_quota, "hours": describe(s.hours or hall.hours),
        "windows": [w.id for w in hall.windows_serving(s.code)],
        "guide": {"materials": list(s.guide.materials), "time_limit": s.guide.time_limit,
                  "legal_basis": s.guide.legal_basis, "fee": s.guide.fee,
                  "notes": s.guide.notes, "materials_en": list(s.guide.materials_en),
                  "time_limit_en": s.guide.time_limit_en,
                  "legal_basis_en": s.guide.legal_basis_en, "fee_en": s.guide.fee_en,
                  "notes_en": s.guide.notes_en},
    }


def window_view(w: WindowState, hall: Hall, current: dict[str, Any] | None) -> dict[str, Any]:
    config = hall.window(w.id)
    assert config is not None
    clerk = hall.clerk(w.clerk) if w.clerk else None
    return {
        "id": w.id, "name": config.name, "name_en": config.name_en, "kind": config.kind,
        "number": config.number, "services": list(config.services), "status": w.status.value,
        "pause_reason": w.pause_reason or None,
        "pause_reason_en": hall.english_reason(w.pause_reason) if w.pause_reason else None,
        "current": current,
        "last_finished": w.last_finished,
        "clerk": {"id": clerk.id, "name": clerk.name, "job_number": clerk.job_number,
                  "photo": clerk.photo} if clerk else None,
    }


def rating_view(r: Rating, tz: tzinfo) -> dict[str, Any]:
    return {
        "id": r.id, "ticket_id": r.ticket_id, "score": r.score, "level": LEVELS[r.score],
        "window": r.window, "clerk": r.clerk, "service": r.service,
        "rated_at": iso(r.rated_at, tz), "channel": r.channel, "reasons": list(r.reasons),
        "comment": r.comment, "follow_up": r.follow_up.value if r.follow_up else None,
        "follow_up_due": iso(r.follow_up_due, tz), "follow_up_note": r.follow_up_note,
    }
