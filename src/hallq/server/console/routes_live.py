"""The live hall, ``/console``: the page, its JSON twin and a supervisor's actions.

The page is rendered whole on the server (it works without JavaScript); ``live.js`` then keeps
it live from ``/console/events``. Pausing, resuming and restoring go through the service layer
like the API's, from forms with the session's CSRF token, and are written to the audit log.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.common.names import pick_name
from hallq.server.console import live
from hallq.server.console import session as s
from hallq.server.console.pages import lang_of, render
from hallq.server.console.session import SupervisorForm, Viewer
from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("")
async def live_page(request: Request, session: Viewer) -> Response:
    data = await run_in_threadpool(live.live_data, request.app.state)
    query = request.query_params
    return render(request, "live.html", session, "live", done=query.get("done", ""),
                  error=query.get("error", ""), what=await _what(request), **data)


async def _what(request: Request) -> str:
    """The name of what an action was done to, for its message (looked up, not echoed)."""
    hs: HallService = request.app.state.service
    window_id, ticket_id = request.query_params.get("window"), request.query_params.get("ticket")
    if window_id:
        window = hs.hall.window(window_id)
        return pick_name(window.name, window.name_en, lang_of(request)) if window else window_id
    if ticket_id and ticket_id.isdigit():
        try:
            return (await run_in_threadpool(hs.find_ticket, int(ticket_id))).number
        except HallError:
            return ""
    return ""


@router.get("/live.json")
async def live_json(request: Request, session: Viewer) -> dict[str, Any]:
    data: dict[str, Any] = await run_in_threadpool(live.live_data, request.app.state)
    return data


async def _act(request: Request, form: s.Form, action: str, target: str,
               what: dict[str, str], method: Any, *args: Any) -> Response:
    hs: HallService = request.app.state.service
    accounts = s.accounts_of(request)
    try:
        await hs.submit(method, *args)
    except HallError as e:
        await run_in_threadpool(accounts.audit, form.session.user, action, target, e.code,
                                s.address(request))
        return RedirectResponse("/console?" + urlencode({"error": e.code, **what}), 303)
    await run_in_threadpool(accounts.audit, form.session.user, action, target, "ok",
                            s.address(request))
    return RedirectResponse("/console?" + urlencode({"done": action, **what}), 303)


@router.post("/windows/{window_id}/pause")
async def pause(request: Request, window_id: str, form: SupervisorForm) -> Response:
    hs: HallService = request.app.state.service
    reason = form.fields.get("reason", "")
    return await _act(request, form, "pause", f"window:{window_id} {reason}"[:80],
                      {"window": window_id}, hs.pause, window_id, reason)


@router.post("/windows/{window_id}/resume")
async def resume(request: Request, window_id: str, form: SupervisorForm) -> Response:
    hs: HallService = request.app.state.service
    return await _act(request, form, "resume", f"window:{window_id}", {"window": window_id},
                      hs.resume, window_id)


@router.post("/tickets/{ticket_id}/restore")
async def restore(request: Request, ticket_id: int, form: SupervisorForm) -> Response:
    hs: HallService = request.app.state.service
    return await _act(request, form, "restore", f"ticket:{ticket_id}",
                      {"ticket": str(ticket_id)}, hs.restore, ticket_id)
