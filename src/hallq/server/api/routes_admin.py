"""Reports, appointments and the follow-up of bad ratings: for managers and integrators."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import PlainTextResponse

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import BODY_ERRORS, ERRORS
from hallq.server.api.models import BookAppointment, FollowUpUpdate, IsoDay
from hallq.server.api.routes_tickets import Hall
from hallq.server.api.routes_windows import Acting
from hallq.server.service import follow_ups, reports

router = APIRouter(prefix="/api", responses=ERRORS)
Auth = Annotated[Caller, Depends(authenticate)]


def _admin(caller: Caller, what: str) -> None:
    caller.require(caller.kind == "admin", what)


@router.get("/reports/daily", tags=["reports"], response_model=contract.DailyReport,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "the report; as CSV with format=csv"}})
def daily_report(hs: Hall, caller: Auth,
                 day: Annotated[IsoDay | None, Query(alias="date")] = None,
                 format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Any:
    _admin(caller, "read reports")
    report = reports.daily(hs, day or hs.day())
    if format == "csv":
        return PlainTextResponse(reports.as_csv(report), media_type="text/csv; charset=utf-8")
    return report


@router.get("/windows/{window}/today", tags=["windows"], response_model=contract.WindowToday)
def window_today(window: Acting, hs: Hall) -> contract.WindowToday:
    return reports.window_today(hs, window)


@router.post("/appointments", status_code=201, tags=["appointments"],
             response_model=contract.Appointment, responses=BODY_ERRORS)
def book(body: BookAppointment, hs: Hall, caller: Auth) -> contract.Appointment:
    _admin(caller, "book appointments")
    return hs.book(body.service, body.slot_start, body.slot_end, body.code, body.citizen_id)


@router.get("/appointments/{code}", tags=["appointments"], response_model=contract.Appointment)
def get_appointment(code: Annotated[str, Path(max_length=40)], hs: Hall,
                    caller: Auth) -> contract.Appointment:
    caller.require(caller.kind in ("admin", "kiosk"), "read appointments")
    return hs.appointment(code)


@router.get("/follow-ups", tags=["ratings"], response_model=list[contract.FollowUp])
def list_follow_ups(hs: Hall, caller: Auth,
                    status: Annotated[str | None,
                                      Query(pattern="^(open|contacted|resolved)$")] = None,
                    state: Annotated[str | None, Query(
                        pattern="^(open|in_progress|closed|overdue)$",
                        description="open, in_progress, closed, or overdue (not closed and "
                                    "past its deadline)")] = None,
                    start: Annotated[IsoDay | None, Query(alias="from")] = None,
                    end: Annotated[IsoDay | None, Query(alias="to")] = None,
                    ) -> list[contract.FollowUp]:
    """Bad ratings (1 and 2) to follow up (整改/回访, 9.5), the earliest deadline first, each
    with its state, whether it is overdue and its note history; ``from``/``to`` (days the
    ratings were given, both included) narrow it to a period."""
    _admin(caller, "read follow-ups")
    return follow_ups.listing(hs.work, status, state, start, end)


@router.get("/follow-ups/counts", tags=["ratings"], response_model=contract.FollowUpCounts)
def count_follow_ups(hs: Hall, caller: Auth,
                     start: Annotated[IsoDay | None, Query(alias="from")] = None,
                     end: Annotated[IsoDay | None, Query(alias="to")] = None,
                     ) -> contract.FollowUpCounts:
    """How many follow-ups are open, in progress, closed and overdue (of the ratings given
    from ``from`` to ``to``, when given)."""
    _admin(caller, "read follow-ups")
    return follow_ups.counts(hs.work, start, end)


@router.patch("/follow-ups/{rating_id:int}", tags=["ratings"], response_model=contract.FollowUp,
              responses=BODY_ERRORS)
def update_follow_up(rating_id: int, body: FollowUpUpdate, hs: Hall,
                     caller: Auth) -> contract.FollowUp:
    """Record what was done, and the follow-up's status after it. The note is appended to
    the history with who and when; closing needs a note (now or earlier)."""
    _admin(caller, "update follow-ups")
    return hs.update_follow_up(rating_id, body.status, body.note, caller.id)
