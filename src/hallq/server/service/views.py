"""What the API answers, built from domain objects as the models of ``hallq.contract``: the
service layer returns them, the routes declare them as their ``response_model`` (so every answer
is documented in the OpenAPI) and the apps parse the JSON with the same models. mypy checks every
field name and type where a view is built; pydantic checks the values once, on construction
(a few microseconds for a ticket: nothing beside a command's commit). An event embeds a view
serialized once for all its subscribers (``model_dump(mode="json")``).

A ticket's secret (its ``status_url``) is in no view: only the answer to the kiosk that issued
the ticket carries it (``issued_view``), never an event, the state or a window."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TypedDict
from urllib.parse import quote

from hallq import contract
from hallq.contract.follow_ups import FollowUpState
from hallq.contract.state import WindowStatus as WindowStatusName
from hallq.contract.tickets import FollowUpStatus, TicketStatus
from hallq.server.domain.hall import Clerk, Hall, Service
from hallq.server.domain.hours import describe
from hallq.server.domain.rating import LEVELS, FollowUp, Rating
from hallq.server.domain.ticket import Status, Ticket, WindowState, WindowStatus

TICKET_STATUS: dict[Status, TicketStatus] = {
    Status.WAITING: "waiting", Status.CALLED: "called", Status.DONE: "done",
    Status.MISSED: "missed", Status.CANCELLED: "cancelled"}
WINDOW_STATUS: dict[WindowStatus, WindowStatusName] = {
    WindowStatus.OPEN: "open", WindowStatus.PAUSED: "paused", WindowStatus.CLOSED: "closed"}
FOLLOW_UP: dict[FollowUp, FollowUpStatus] = {
    FollowUp.OPEN: "open", FollowUp.CONTACTED: "contacted", FollowUp.RESOLVED: "resolved"}
FOLLOW_UP_STATE: dict[FollowUp, FollowUpState] = {
    FollowUp.OPEN: "open", FollowUp.CONTACTED: "in_progress", FollowUp.RESOLVED: "closed"}


def iso(value: datetime | None, tz: tzinfo) -> str | None:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else None


def ticket_view(t: Ticket, ahead: int, tz: tzinfo, hall: Hall) -> contract.Ticket:
    service = hall.service(t.service)
    return contract.Ticket(
        id=t.id, number=t.number, service=t.service,
        service_name=service.name if service else t.service,
        status=TICKET_STATUS[t.status], window=t.window, priority=t.is_priority,
        priority_reason=t.priority.value if t.priority else None,
        issued_at=iso(t.issued_at, tz), called_at=iso(t.called_at, tz),
        finished_at=iso(t.finished_at, tz), waiting_ahead=ahead, recalls=t.recalls,
        transferred_from=t.first_service, appointment=t.appointment,
        windows=[w.id for w in hall.windows_serving(t.service)])


def issued_view(view: contract.Ticket, t: Ticket, hall: Hall) -> contract.IssuedTicket:
    """The answer to the one who issued the ticket: its view and its secret status page."""
    url = hall.status_url.replace("{token}", t.token) if hall.status_url else None
    return contract.IssuedTicket(**dict(view), status_url=url)


def in_language(issued: contract.IssuedTicket, language: str) -> contract.IssuedTicket:
    """The status page (and the rating page it links to) in the citizen's language."""
    url = issued.status_url
    if language == "zh" or not url:
        return issued
    return issued.model_copy(
        update={"status_url": f"{url}{'&' if '?' in url else '?'}lang={language}"})


def guide_view(s: Service) -> contract.Guide:
    g = s.guide
    return contract.Guide(
        materials=tuple(g.materials), time_limit=g.time_limit, legal_basis=g.legal_basis,
        fee=g.fee, notes=g.notes, materials_en=tuple(g.materials_en),
        time_limit_en=g.time_limit_en, legal_basis_en=g.legal_basis_en, fee_en=g.fee_en,
        notes_en=g.notes_en)


def service_view(s: Service, hall: Hall, waiting: int, wait_s: int, closed: str | None,
                 issued: int, opens_at: str | None, open_windows: int) -> contract.Service:
    return contract.Service(
        code=s.code, name=s.name, name_en=s.name_en, prefix=s.prefix,
        department=s.department, department_en=s.department_en,
        waiting=waiting, estimated_wait_s=wait_s,
        open=closed is None, closed_reason=closed, issued_today=issued,
        daily_quota=s.daily_quota, hours=describe(s.hours or hall.hours),
        windows=[w.id for w in hall.windows_serving(s.code)], guide=guide_view(s),
        opens_at=opens_at, open_windows=open_windows)


def window_view(w: WindowState, hall: Hall, current: contract.Ticket | None) -> contract.Window:
    config = hall.window(w.id)
    assert config is not None
    clerk = hall.clerk(w.clerk) if w.clerk else None
    return contract.Window(
        id=w.id, name=config.name, name_en=config.name_en, kind=config.kind,
        number=config.number, services=list(config.services), status=WINDOW_STATUS[w.status],
        **pause_reason_names(w, hall), current=current, last_finished=w.last_finished,
        clerk=contract.Clerk(id=clerk.id, name=clerk.name, job_number=clerk.job_number,
                             photo=clerk.photo, photo_url=photo_url(clerk)) if clerk else None)


class PauseReasonNames(TypedDict):
    pause_reason: str | None
    pause_reason_en: str | None


class ServiceNames(TypedDict):
    service_name: str
    service_name_en: str


def pause_reason_names(w: WindowState, hall: Hall) -> PauseReasonNames:
    """``pause_reason`` and ``pause_reason_en`` of a paused window (None for both if none)."""
    reason = w.pause_reason or None
    return PauseReasonNames(pause_reason=reason,
                            pause_reason_en=hall.english_reason(reason) if reason else None)


def service_names(hall: Hall, code: str) -> ServiceNames:
    """``service_name`` and ``service_name_en`` of the service ``code`` (a service removed
    since: its code, and no English)."""
    service = hall.service(code)
    return ServiceNames(service_name=service.name if service else code,
                        service_name_en=service.name_en if service else "")


PHOTO_PREFIX = "upload:"  # a clerk's photo = "upload:<sha256>": one uploaded in the console


def photo_url(clerk: Clerk) -> str | None:
    """Where the apps read the clerk's uploaded photo (its version in the query: a new photo
    is a new address), or None."""
    if not clerk.photo.startswith(PHOTO_PREFIX):
        return None
    version = clerk.photo[len(PHOTO_PREFIX):][:12]
    return f"/api/clerks/{quote(clerk.id, safe='')}/photo?v={version}"


def rating_view(r: Rating, tz: tzinfo) -> contract.Rating:
    return contract.Rating(
        id=r.id, ticket_id=r.ticket_id, score=r.score, level=LEVELS[r.score],
        window=r.window, clerk=r.clerk, service=r.service, rated_at=iso(r.rated_at, tz),
        channel=r.channel, reasons=list(r.reasons), comment=r.comment,
        follow_up=FOLLOW_UP[r.follow_up] if r.follow_up else None,
        follow_up_due=iso(r.follow_up_due, tz), follow_up_note=r.follow_up_note)
