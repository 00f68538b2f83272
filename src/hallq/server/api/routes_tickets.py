"""Services, tickets, ratings: what kiosks, pads and displays read and do.

Commands are awaited on the hall's writer thread (``hs.submit``), reads run in the thread pool:
the event loop never waits for the lock or the disk (see ``service/unit_of_work.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import BODY_ERRORS, ERRORS
from hallq.server.api.models import CancelTicket, IssueTicket, RateTicket
from hallq.server.service import issuers
from hallq.server.service.hall_service import HallService
from hallq.server.service.views import in_language, issued_view

router = APIRouter(prefix="/api", responses=ERRORS)
Auth = Annotated[Caller, Depends(authenticate)]


async def hall(request: Request) -> HallService:
    service: HallService = request.app.state.service
    return service


Hall = Annotated[HallService, Depends(hall)]
# bounded: a number beyond the database's integer is a 422, not an overflow (500)
TicketId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/health", tags=["status"], response_model=contract.Health)
async def health() -> contract.Health:
    return contract.Health(status="ok")


@router.get("/services", tags=["tickets"], response_model=list[contract.Service])
async def list_services(hs: Hall, caller: Auth) -> list[contract.Service]:
    return await run_in_threadpool(hs.services)


@router.post("/tickets", status_code=201, tags=["tickets"], response_model=contract.IssuedTicket,
             responses=BODY_ERRORS)
async def issue_ticket(body: IssueTicket, hs: Hall, caller: Auth) -> contract.IssuedTicket:
    caller.require(caller.may_issue(), "issue tickets")
    issued = await hs.submit(issuers.issue, hs, caller.id, body.service, body.priority,
                             body.appointment, body.guide_pin)
    return in_language(issued, body.language)


@router.get("/tickets/{ticket_id}", tags=["tickets"], response_model=contract.IssuedTicket,
            response_model_exclude_unset=True)
async def get_ticket(ticket_id: TicketId, hs: Hall, caller: Auth) -> contract.Ticket:
    """The ticket; its secret status page only for the kiosk that issued it, and the admin."""
    def read() -> contract.Ticket:
        ticket = hs.find_ticket(ticket_id)
        view = hs.ticket_json(ticket)
        secret = caller.kind == "admin" or (caller.may_issue()
                                            and issuers.issued_by(hs, ticket_id, caller.id))
        return issued_view(view, ticket, hs.hall) if secret else view

    return await run_in_threadpool(read)


@router.post("/tickets/{ticket_id}/cancel", tags=["tickets"], response_model=contract.Ticket,
             responses=BODY_ERRORS)
async def cancel_ticket(ticket_id: TicketId, body: CancelTicket, hs: Hall,
                  caller: Auth) -> contract.Ticket:
    """A kiosk cancels a waiting ticket it issued and could not print, so nobody waits for
    it; an administrator may cancel any waiting or missed ticket."""
    caller.require(caller.may_issue(), "cancel tickets")
    if caller.kind == "admin":
        return await hs.submit(hs.cancel, ticket_id, body.reason)
    return await hs.submit(issuers.cancel_own, hs, ticket_id, body.reason, caller.id)


@router.post("/tickets/{ticket_id}/restore", tags=["windows"], response_model=contract.Ticket)
async def restore_ticket(ticket_id: TicketId, hs: Hall, caller: Auth) -> contract.Ticket:
    ticket = await run_in_threadpool(hs.find_ticket, ticket_id)
    caller.require(caller.may_act_for(ticket.window), "restore tickets of other windows")
    return await hs.submit(hs.restore, ticket_id)


@router.post("/tickets/{ticket_id}/rating", status_code=201, tags=["ratings"],
             response_model=contract.Rating, responses=BODY_ERRORS)
async def rate_ticket(ticket_id: TicketId, body: RateTicket, hs: Hall,
                caller: Auth) -> contract.Rating:
    ticket = await run_in_threadpool(hs.find_ticket, ticket_id)
    caller.require(caller.may_act_for(ticket.window), "rate tickets of other windows")
    return await hs.submit(hs.rate, ticket_id, body.score, body.reasons, body.comment,
                           body.channel)


@router.get("/state", tags=["status"], response_model=contract.StateSnapshot)
async def state(hs: Hall, caller: Auth) -> contract.StateSnapshot:
    return await run_in_threadpool(hs.snapshot)
