"""Rating from a phone (9.4, the rating QR code): ``/t/{token}/rate``, a plain HTML form.

Works without JavaScript, readable on a phone, Chinese. The ticket's token in the URL is the
secret (it is only on the printed ticket), so the form needs no CSRF token: a page elsewhere
cannot post for a ticket whose token it does not know. One rating per ticket, channel ``qr``.
Also ``GET /api/ratings/options``: the levels and the hall's reasons, for rating pads.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from hallq import contract
from hallq.common.names import pick_name
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import ERRORS
from hallq.server.api.phone_texts import language_of, words
from hallq.server.api.rating_html import form_page, message_page
from hallq.server.domain.errors import Conflict, HallError, Invalid
from hallq.server.domain.rating import LEVELS, LEVELS_EN
from hallq.server.domain.ticket import Status, Ticket
from hallq.server.service.hall_service import HallService

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["ratings"], responses=ERRORS)
MAX_BODY = 8192
HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


@api.get("/ratings/options", response_model=contract.RatingOptions)
async def rating_options(request: Request,
                         caller: Annotated[Caller, Depends(authenticate)]
                         ) -> contract.RatingOptions:
    """The five levels (9.2) and the reasons a bad rating may give (``[policy]``), each also
    in English (``levels_en``, ``reasons_en``: the same order; a reason not translated stays
    Chinese). A rating sends the Chinese reason."""
    hs: HallService = request.app.state.service
    return contract.RatingOptions(
        levels={str(k): v for k, v in LEVELS.items()},
        reasons=list(hs.hall.bad_rating_reasons),
        levels_en={str(k): v for k, v in LEVELS_EN.items()},
        reasons_en=[hs.hall.english_reason(r) for r in hs.hall.bad_rating_reasons])


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def _ticket(hs: HallService, token: str) -> Ticket | None:
    try:
        return hs.ticket_by_token(token)
    except HallError:
        return None


def _message(hs: HallService, lang: str, title: str, text: str, status: int,
             **values: object) -> HTMLResponse:
    hall = pick_name(hs.hall.name, hs.hall.name_en, lang)
    return _html(message_page(hall, words(lang, title), words(lang, text, **values) if text
                              else "", lang), status)


def _not_ready(hs: HallService, ticket: Ticket | None, lang: str = "zh") -> HTMLResponse | None:
    """The page for a ticket that cannot be rated now, or None when it can."""
    if ticket is None:
        return _message(hs, lang, "no_ticket", "check_qr", 404)
    if hs.is_rated(ticket.id):
        return _message(hs, lang, "rated", "rated_text", 409, number=ticket.number)
    if ticket.status in (Status.WAITING, Status.CALLED):
        return _message(hs, lang, "not_yet", "not_yet_text", 409, number=ticket.number)
    if ticket.status is not Status.DONE:  # missed or cancelled: nothing was served
        return _message(hs, lang, "cannot", "cannot_text", 409, number=ticket.number)
    return None


app_routers = (router, api)  # the page out of the OpenAPI, the options in it


def _problem(hs: HallService, score: int, reasons: list[str], comment: str,
             lang: str = "zh") -> str:
    """What is wrong with the form, in the citizen's words; empty when nothing is."""
    allowed = hs.hall.bad_rating_reasons
    unknown = [r for r in reasons if r.strip() and allowed and r.strip() not in allowed]
    if unknown:
        return words(lang, "unknown_reason", reason=unknown[0])
    if score <= 2 and not any(r.strip() for r in reasons):
        return words(lang, "need_reason")
    if len(comment) > 500:
        return words(lang, "comment_long")
    return ""


@router.get("/t/{token}/rate", response_class=HTMLResponse)
def rate_form(token: str, request: Request) -> HTMLResponse:
    hs: HallService = request.app.state.service
    lang = language_of(request)
    ticket = _ticket(hs, token)
    refused = _not_ready(hs, ticket, lang)
    if refused is not None or ticket is None:
        return refused or _html("", 404)
    return _html(form_page(hs, ticket, lang=lang))


@router.post("/t/{token}/rate", response_class=HTMLResponse)
async def rate_submit(token: str, request: Request) -> HTMLResponse:
    hs: HallService = request.app.state.service
    lang = language_of(request)
    ticket = await run_in_threadpool(_ticket, hs, token)  # reads off the loop, the rating
    refused = await run_in_threadpool(_not_ready, hs, ticket, lang)  # on the writer thread
    if refused is not None or ticket is None:
        return refused or _html("", 404)
    raw = await request.body()
    if len(raw) > MAX_BODY:
        return _html(form_page(hs, ticket, problem=words(lang, "too_long"), lang=lang), 422)
    fields = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
    score_text = (fields.get("score") or [""])[0].strip()
    reasons = fields.get("reasons", [])
    comment = (fields.get("comment") or [""])[0]
    chosen = {"score": score_text, "reasons": reasons, "comment": comment}
    if score_text not in {str(k) for k in LEVELS}:
        problem = words(lang, "need_score")
        return _html(form_page(hs, ticket, problem=problem, chosen=chosen, lang=lang), 422)
    problem = _problem(hs, int(score_text), reasons, comment, lang)
    if problem:
        return _html(form_page(hs, ticket, problem=problem, chosen=chosen, lang=lang), 422)
    score = int(score_text)
    try:
        rating = await hs.submit(hs.rate, ticket.id, score, reasons, comment, "qr")
    except Invalid as e:
        return _html(form_page(hs, ticket, problem=e.message, chosen=chosen, lang=lang), 422)
    except Conflict:
        return (await run_in_threadpool(_not_ready, hs, ticket, lang)
                or _message(hs, lang, "rated", "", 409))
    level = LEVELS_EN.get(score, rating.level) if lang == "en" else rating.level
    return _message(hs, lang, "thanks", "thanks_text", 200, number=ticket.number, level=level)
