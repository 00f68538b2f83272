"""The small public page a ticket's QR code opens: where am I in the queue?"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hallq.server.api.phone_texts import language_of, pick_name, with_language, words
from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="20"><title>{number} · {hall}</title>
<style>body{{font-family:sans-serif;margin:0;background:#f3f6fa;color:#1d2b3a;text-align:center}}
header{{background:#b71c1c;color:#fff;padding:14px;font-size:18px}}
.n{{font-size:64px;font-weight:700;margin:24px 0 4px}}.s{{font-size:22px;margin:8px}}
.card{{background:#fff;margin:16px;border-radius:12px;padding:16px;box-shadow:0 1px 4px #0002}}
</style></head><body><header>{hall}</header><div class="card"><div class="n">{number}</div>
<div class="s">{service}</div><div class="s"><b>{status}</b></div><div class="s">{detail}</div>
{rate}</div></body></html>"""
RATE_LINK = ('<a class="rate" href="{href}" style="display:block;margin:16px auto 4px;'
             'padding:16px;border-radius:12px;background:#b71c1c;color:#fff;font-size:22px;'
             'text-decoration:none">{text}</a>')


@router.get("/t/{token}", response_class=HTMLResponse)
def ticket_page(token: str, request: Request) -> HTMLResponse:
    """In the language the citizen chose at the kiosk (``?lang=en``, in the QR code)."""
    hs: HallService = request.app.state.service
    lang = language_of(request)
    try:
        ticket = hs.ticket_json(hs.ticket_by_token(token))
    except HallError:
        return HTMLResponse(f"<h1>{words('zh', 'no_ticket_page')} / "
                            f"{words('en', 'no_ticket_page')}</h1>", status_code=404)
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
        rate = RATE_LINK.format(href=escape(with_language(f"{quote(token, safe='')}/rate",
                                                          lang)),
                                text=words(lang, "rate_link"))
    service = hs.hall.service(ticket.service)
    return HTMLResponse(PAGE.format(
        lang=words(lang, "html_lang"), hall=escape(pick_name(hs.hall.name, hs.hall.name_en, lang)),
        number=escape(ticket.number),
        service=escape(pick_name(ticket.service_name, service.name_en if service else "",
                                 lang)),
        status=words(lang, ticket.status), detail=escape(detail), rate=rate))
