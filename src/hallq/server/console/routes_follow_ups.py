"""``/console/follow-ups``: bad ratings' follow-ups (整改/回访, 9.5), filtered by state, the
overdue ones highlighted; a supervisor records what was done (a note appended to the history
with the user's name) and moves or closes one. A viewer reads. JSON twin: ``.json``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import session as s
from hallq.server.console import texts
from hallq.server.console.pages import render
from hallq.server.console.session import SupervisorForm, Viewer
from hallq.server.domain.errors import HallError
from hallq.server.service import follow_ups
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
STATES = ("open", "in_progress", "closed", "overdue")
SHOWN = 300  # rows on one page (the earliest deadlines); the tabs and the JSON twin count all

texts.add({
    "zh": {"fu.title": "差评回访", "fu.all": "全部", "fu.open": "待处理",
           "fu.in_progress": "处理中", "fu.closed": "已办结", "fu.overdue": "已超期",
           "fu.due": "回访期限", "fu.ticket": "号码", "fu.rating": "评价",
           "fu.where": "窗口 / 工作人员 / 业务", "fu.state": "状态", "fu.notes": "处理记录",
           "fu.no_notes": "尚无记录", "fu.note": "处理情况", "fu.save": "记录",
           "fu.note_hint": "写明做了什么（回访、整改…）", "fu.none": "没有符合条件的差评",
           "fu.set_state": "记录后状态", "fu.rated_at": "评价于 {time}", "fu.comment": "留言",
           "fu.done": "已记录 {number} 的处理情况", "fu.channel.pad": "评价器",
           "fu.channel.device": "评价按键", "fu.channel.qr": "扫码", "fu.channel.web": "网页",
           "error.no_follow_up": "该评价无需回访",
           "error.fu_note": "请写明做了什么（办结需要处理情况）",
           "fu.more": "仅显示期限最早的 {shown} 条，共 {total} 条；请按状态筛选",
           "error.fu_status": "请选择记录后的状态"},
    "en": {"fu.title": "Follow-ups", "fu.all": "All", "fu.open": "Open",
           "fu.in_progress": "In progress", "fu.closed": "Closed", "fu.overdue": "Overdue",
           "fu.due": "Due", "fu.ticket": "Ticket", "fu.rating": "Rating",
           "fu.where": "Window / clerk / service", "fu.state": "State", "fu.notes": "What was done",
           "fu.no_notes": "nothing yet", "fu.note": "What was done", "fu.save": "Record",
           "fu.note_hint": "say what was done (call, correction…)",
           "fu.none": "No bad ratings here", "fu.set_state": "State after it",
           "fu.rated_at": "rated {time}", "fu.comment": "Comment",
           "fu.done": "Recorded for {number}", "fu.channel.pad": "rating pad",
           "fu.channel.device": "rating keys", "fu.channel.qr": "QR code",
           "fu.channel.web": "web", "error.no_follow_up": "That rating needs no follow-up",
           "error.fu_note": "Say what was done (closing needs it)",
           "fu.more": "Showing the {shown} earliest deadlines of {total}; filter by state",
           "error.fu_status": "Choose the state after it"},
})


def _state(request: Request) -> str | None:
    wanted = request.query_params.get("state")
    return wanted if wanted in STATES else None


def _data(hs: HallService, state: str | None) -> dict[str, Any]:
    shown, counts = follow_ups.listing_and_counts(hs.work, state)
    return {"follow_ups": shown, "counts": counts, "state": state or "", "shown": SHOWN}


@router.get("/follow-ups")
async def follow_ups_page(request: Request, session: Viewer) -> Response:
    data = await run_in_threadpool(_data, request.app.state.service, _state(request))
    q = request.query_params
    return render(request, "follow_ups.html", session, "follow_ups", done=q.get("done", ""),
                  error=q.get("error", ""), what=q.get("what", ""), **data)


@router.get("/follow-ups.json")
async def follow_ups_json(request: Request, session: Viewer) -> dict[str, Any]:
    data: dict[str, Any] = await run_in_threadpool(_data, request.app.state.service,
                                                   _state(request))
    return data


@router.post("/follow-ups/{rating_id}")
async def record(request: Request, rating_id: int, form: SupervisorForm) -> Response:
    """A supervisor's note and the follow-up's state after it (post/redirect/get)."""
    hs: HallService = request.app.state.service
    accounts = s.accounts_of(request)
    status, note = form.fields.get("status", ""), form.fields.get("note", "")
    back = {"state": form.fields.get("back", "")} if form.fields.get("back") in STATES else {}
    target = f"follow_up:{rating_id} {status}"[:80]
    try:
        done = await hs.submit(hs.update_follow_up, rating_id, status, note, form.session.user)
    except HallError as e:
        await run_in_threadpool(accounts.audit, form.session.user, "follow_up", target, e.code,
                                s.address(request))
        query = {**back, "error": e.code if e.code != "invalid" else f"fu_{e.field}"}
        return RedirectResponse("/console/follow-ups?" + urlencode(query), 303)
    await run_in_threadpool(accounts.audit, form.session.user, "follow_up", target, "ok",
                            s.address(request))
    what = done.number or str(rating_id)
    return RedirectResponse("/console/follow-ups?" + urlencode(
        {**back, "done": "fu.done", "what": what}) + f"#fu-{rating_id}", 303)
