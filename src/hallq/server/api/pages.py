"""The small public page a ticket's QR code opens: where am I in the queue?"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hallq.common.names import pick_name
from hallq.server.api.phone_texts import language_of, with_language, words
from hallq.server.api.rating_html import message_page, render
from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(include_in_schema=False)


@router.get("/t/{token}", response_class=HTMLResponse)
def ticket_page(token: str, request: Request) -> HTMLResponse:
    """In the language the citizen chose at the kiosk (``?lang=en``, in the QR code)."""
    hs: HallService = request.app.state.service
    lang = language_of(request)
    try:
        ticket = hs.ticket_json(hs.ticket_by_token(token))
    except HallError:
        both = f"{words('zh', 'no_ticket_page')} / {words('en', 'no_ticket_page')}"
        return HTMLResponse(message_page(hs.hall.name, both, "", lang), status_code=404)
    if ticket.status == "waiting":
        detail = words(lang, "ahead", count=ticket.waiting_ahead)
    elif ticket.status == "called":
        window = hs.hall.window(ticket.window or "")
        name = pick_name(window.name, window.name_en, lang) if window else ticket.window
        detail = words(lang, "go_to", window=name)
    else:
        detail = ""
    rate = ""  # done and not yet rated: offer the phone rating page (9.4)
    if ticket.status == "done" and not hs.is_rated(ticket.id):
        rate = with_language(f"{quote(token, safe='')}/rate", lang)
    service = hs.hall.service(ticket.service)
    hall = pick_name(hs.hall.name, hs.hall.name_en, lang)
    return HTMLResponse(render(
        "phone_ticket.html", lang, hall, f"{ticket.number} · {hall}", number=ticket.number,
        service=pick_name(ticket.service_name, service.name_en if service else "", lang),
        status=words(lang, ticket.status), detail=detail, rate_href=rate,
        rate_text=words(lang, "rate_link")))
