"""Rating from a phone (9.4, the rating QR code): ``/t/{token}/rate``, a plain HTML form.

Works without JavaScript, readable on a phone, Chinese. The ticket's token in the URL is the
secret (it is only on the printed ticket), so the form needs no CSRF token: a page elsewhere
cannot post for a ticket whose token it does not know. One rating per ticket, channel ``qr``.
Also ``GET /api/ratings/options``: the levels and the hall's reasons, for rating pads.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.rating_html import form_page, message_page
from hallq.server.domain.errors import Conflict, HallError, Invalid
from hallq.server.domain.rating import LEVELS
from hallq.server.domain.ticket import Status, Ticket
from hallq.server.service.hall_service import HallService

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["ratings"])
MAX_BODY = 8192
HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


@api.get("/ratings/options")
async def rating_options(request: Request,
                         caller: Annotated[Caller, Depends(authenticate)]) -> dict[str, Any]:
    """The five levels (9.2) and the reasons a bad rating may give (``[policy]``)."""
    hs: HallService = request.app.state.service
    return {"levels": {str(k): v for k, v in LEVELS.items()},
            "reasons": list(hs.hall.bad_rating_reasons)}


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def _ticket(hs: HallService, token: str) -> Ticket | None:
    try:
        return hs.ticket_by_token(token)
    except HallError:
        return None


def _not_ready(hs: HallService, ticket: Ticket | None) -> HTMLResponse | None:
    """The page for a ticket that cannot be rated now, or None when it can."""
    if ticket is None:
        return _html(message_page(hs.hall.name, "没有这张票", "请检查二维码是否完整。"), 404)
    if hs.is_rated(ticket.id):
        return _html(message_page(hs.hall.name, "已评价",
                                  f"{ticket.number} 号已经评价过了，每张票只能评价一次。谢谢！"),
                     409)
    if ticket.status in (Status.WAITING, Status.CALLED):
        return _html(message_page(hs.hall.name, "暂不能评价",
                                  f"{ticket.number} 号还没有办结，办结后才能评价本次服务。"), 409)
    if ticket.status is not Status.DONE:  # missed or cancelled: nothing was served
        return _html(message_page(hs.hall.name, "无法评价",
                                  f"{ticket.number} 号未办理业务，只有办结的号才能评价。"), 409)
    return None


router.include_router(api)


def _problem(hs: HallService, score: int, reasons: list[str], comment: str) -> str:
    """What is wrong with the form, in the citizen's words; empty when nothing is."""
    allowed = hs.hall.bad_rating_reasons
    unknown = [r for r in reasons if r.strip() and allowed and r.strip() not in allowed]
    if unknown:
        return f"没有“{unknown[0]}”这一原因，请从列表中选择。"
    if score <= 2 and not any(r.strip() for r in reasons):
        return "选择“不满意”或“非常不满意”时，请至少选择一个原因。"
    if len(comment) > 500:
        return "意见最多 500 字，请缩短后再提交。"
    return ""


@router.get("/t/{token}/rate", response_class=HTMLResponse)
def rate_form(token: str, request: Request) -> HTMLResponse:
    hs: HallService = request.app.state.service
    ticket = _ticket(hs, token)
    refused = _not_ready(hs, ticket)
    if refused is not None or ticket is None:
        return refused or _html("", 404)
    return _html(form_page(hs, ticket))


@router.post("/t/{token}/rate", response_class=HTMLResponse)
async def rate_submit(token: str, request: Request) -> HTMLResponse:
    hs: HallService = request.app.state.service
    ticket = await run_in_threadpool(_ticket, hs, token)  # reads off the loop, the rating
    refused = await run_in_threadpool(_not_ready, hs, ticket)  # on the writer thread
    if refused is not None or ticket is None:
        return refused or _html("", 404)
    raw = await request.body()
    if len(raw) > MAX_BODY:
        return _html(form_page(hs, ticket, problem="内容太长，请缩短意见后再提交。"), 422)
    fields = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
    score_text = (fields.get("score") or [""])[0].strip()
    reasons = fields.get("reasons", [])
    comment = (fields.get("comment") or [""])[0]
    chosen = {"score": score_text, "reasons": reasons, "comment": comment}
    if score_text not in {str(k) for k in LEVELS}:
        problem = "请为本次服务评分：从五个等级中选择一个（非常满意 … 非常不满意）。"
        return _html(form_page(hs, ticket, problem=problem, chosen=chosen), 422)
    problem = _problem(hs, int(score_text), reasons, comment)
    if problem:
        return _html(form_page(hs, ticket, problem=problem, chosen=chosen), 422)
    score = int(score_text)
    try:
        rating = await hs.submit(hs.rate, ticket.id, score, reasons, comment, "qr")
    except Invalid as e:
        return _html(form_page(hs, ticket, problem=e.message, chosen=chosen), 422)
    except Conflict:
        return (await run_in_threadpool(_not_ready, hs, ticket)
                or _html(message_page(hs.hall.name, "已评价", ""), 409))
    return _html(message_page(hs.hall.name, "谢谢您的评价",
                              f"{ticket.number} 号：{rating['level']}。"
                              "您的意见会用于改进我们的服务。"))
