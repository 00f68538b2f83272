"""What a window does: the caller pad, a physical keypad or rating device through the bridge.

Commands are awaited on the hall's writer thread (``hs.submit``), reads run in the thread pool:
the event loop never waits for the lock or the disk (see ``service/unit_of_work.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.concurrency import run_in_threadpool

from hallq import contract
from hallq.contract import ErrorBody
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import BODY_ERRORS, ERRORS
from hallq.server.api.models import (
    CallNumber,
    ChangePin,
    Login,
    PauseWindow,
    RateWindow,
    Transfer,
)
from hallq.server.api.routes_tickets import Hall
from hallq.server.domain.errors import NotFound

router = APIRouter(prefix="/api/windows", tags=["windows"], responses=ERRORS)
WindowId = Annotated[str, Path(max_length=40)]


async def known(window: WindowId, hs: Hall) -> str:
    """The window, if the hall has it (404 naming the field otherwise)."""
    if hs.hall.window(window) is None:
        raise NotFound(f"window: no window {window!r} in this hall", code="no_window",
                       field="window")
    return window


async def acting(caller: Annotated[Caller, Depends(authenticate)],
                 window: Annotated[str, Depends(known)]) -> str:
    """The window, if it exists and this device may act for it (404 before 403)."""
    caller.require(caller.may_act_for(window), f"act for window {window}")
    return window


Acting = Annotated[str, Depends(acting)]


@router.get("/{window}", response_model=contract.Window)
async def get_window(caller: Annotated[Caller, Depends(authenticate)],
                     window: Annotated[str, Depends(known)], hs: Hall) -> contract.Window:
    return await run_in_threadpool(hs.window_json, window)


@router.get("/{window}/missed", response_model=list[contract.Ticket])
async def missed_today(window: Acting, hs: Hall) -> list[contract.Ticket]:
    """Today's missed (过号) tickets of this window, the latest first, for restoring them."""
    return await run_in_threadpool(hs.missed_today, window)


@router.post("/{window}/next", response_model=contract.CallAnswer)
async def call_next(window: Acting, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.call_next, window))


@router.post("/{window}/call", response_model=contract.CallAnswer, responses=BODY_ERRORS)
async def call_number(window: Acting, body: CallNumber, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.call_number, window, body.number))


@router.post("/{window}/recall", response_model=contract.CallAnswer)
async def recall(window: Acting, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.recall, window))


@router.post("/{window}/skip", response_model=contract.CallAnswer)
async def skip(window: Acting, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.skip, window))


@router.post("/{window}/finish", response_model=contract.CallAnswer)
async def finish(window: Acting, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.finish, window))


@router.post("/{window}/transfer", response_model=contract.CallAnswer, responses=BODY_ERRORS)
async def transfer(window: Acting, body: Transfer, hs: Hall) -> contract.CallAnswer:
    return contract.CallAnswer(ticket=await hs.submit(hs.transfer, window, body.service))


@router.post("/{window}/pause", response_model=contract.Window, responses=BODY_ERRORS)
async def pause(window: Acting, body: PauseWindow, hs: Hall) -> contract.Window:
    return await hs.submit(hs.pause, window, body.reason)


@router.post("/{window}/resume", response_model=contract.Window)
async def resume(window: Acting, hs: Hall) -> contract.Window:
    return await hs.submit(hs.resume, window)


@router.post("/{window}/login", response_model=contract.Window, responses={
    **BODY_ERRORS, 429: {"model": ErrorBody, "description":
                         "too many wrong PINs (code `login_locked`): neither this clerk nor "
                         "this window may log in until the time in the Retry-After header has "
                         "passed"}})
def login(window: Acting, body: Login, hs: Hall,
          caller: Annotated[Caller, Depends(authenticate)]) -> contract.Window:
    return hs.login(window, body.clerk, body.pin, caller.id)


@router.post("/{window}/pin", response_model=contract.Window, responses={
    **BODY_ERRORS, 429: {"model": ErrorBody, "description": "too many wrong PINs, as at log-in"}})
def change_pin(window: Acting, body: ChangePin, hs: Hall,
               caller: Annotated[Caller, Depends(authenticate)]) -> contract.Window:
    """The clerk logged in at this window chooses a new PIN (the old one is checked as at
    log-in); from then on it replaces the PIN in the config."""
    return hs.change_pin(window, body.pin, body.new_pin, caller.id)


@router.post("/{window}/logout", response_model=contract.Window)
async def logout(window: Acting, hs: Hall) -> contract.Window:
    return await hs.submit(hs.logout, window)


@router.post("/{window}/rating", status_code=201, tags=["ratings"], response_model=contract.Rating,
             responses=BODY_ERRORS)
async def rate_last(window: Acting, body: RateWindow, hs: Hall) -> contract.Rating:
    """A rating device rates the ticket this window finished last."""
    return await hs.submit(hs.rate_last, window, body.score, body.channel, body.reasons,
                           body.comment)


