"""The live hall's alarms and the devices' heartbeats (docs/alarms.md)."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.concurrency import run_in_threadpool

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import BODY_ERRORS, ERRORS
from hallq.server.api.models import Heartbeat
from hallq.server.api.routes_tickets import Hall
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/api", responses=ERRORS)
Auth = Annotated[Caller, Depends(authenticate)]
log = logging.getLogger("hallq.server")


@router.post("/devices/heartbeat", tags=["devices"], response_model=contract.HeartbeatAnswer,
             responses=BODY_ERRORS)
async def heartbeat(body: Heartbeat, hs: Hall, caller: Auth) -> contract.HeartbeatAnswer:
    """An app says it is alive (and a kiosk how its printer is). The device is the token's;
    send again within ``next_in_s`` seconds, or the hall raises a ``device_silent`` alarm."""
    if body.window is not None:
        caller.require(caller.may_act_for(body.window), f"report for window {body.window}")
        hs.state.window(body.window)  # 404 for a window the hall does not have
    return await hs.submit(hs.watch.heartbeat, caller.id, caller.kind, body.app, body.window,
                           body.host, body.printer)


@router.get("/devices", tags=["devices"], response_model=list[contract.Device])
async def devices(hs: Hall, caller: Auth) -> list[contract.Device]:
    """Every app that has reported, with when it was last heard from."""
    caller.require(caller.kind == "admin", "read the devices")
    return await run_in_threadpool(hs.watch.device_list)


@router.delete("/devices/{key:path}", tags=["devices"], response_model=list[contract.Device])
async def forget_device(key: Annotated[str, Path(max_length=160)], hs: Hall,
                        caller: Auth) -> list[contract.Device]:
    """A device taken out of the hall is no longer expected to report (its alarm clears).
    Answers the devices still known."""
    caller.require(caller.kind == "admin", "forget devices")
    await hs.submit(hs.watch.forget, key)
    return await run_in_threadpool(hs.watch.device_list)


@router.get("/alarms", tags=["alarms"], response_model=list[contract.Alarm])
async def alarms(hs: Hall, caller: Auth) -> list[contract.Alarm]:
    """The alarms raised now, the oldest first; ``alarm.raised`` / ``alarm.cleared`` events
    say when each comes and goes."""
    caller.require(caller.kind == "admin", "read the alarms")
    return await run_in_threadpool(hs.watch.alarms)


async def tick_forever(service: HallService, seconds: float) -> None:
    """Alarms that time alone raises (a growing wait, a quiet device), checked every few
    seconds on the writer thread."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await service.submit(service.watch.tick)
        except Exception:  # a failing check must not end the checks
            log.exception("alarm check failed")
