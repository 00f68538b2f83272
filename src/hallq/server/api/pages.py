"""The small public page a ticket's QR code opens: where am I in the queue?"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(include_in_schema=False)

STATUS_TEXT = {"waiting": "等候中", "called": "请到窗口办理", "done": "已办结",
               "missed": "已过号", "cancelled": "已取消"}

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="20"><title>{number} · {hall}</title>
<style>body{{font-family:sans-serif;margin:0;background:#f3f6fa;color:#1d2b3a;text-align:center}}
header{{background:#b71c1c;color:#fff;padding:14px;font-size:18px}}
.n{{font-size:64px;font-weight:700;margin:24px 0 4px}}.s{{font-size:22px;margin:8px}}
.card{{background:#fff;margin:16px;border-radius:12px;padding:16px;box-shadow:0 1px 4px #0002}}
</style></head><body><header>{hall}</header><div class="card"><div class="n">{number}</div>
<div class="s">{service}</div><div class="s"><b>{status}</b></div><div class="s">{detail}</div>
{rate}</div></body></html>"""
RATE_LINK = ('<a class="rate" href="{token}/rate" style="display:block;margin:16px auto 4px;'
             'padding:16px;border-radius:12px;background:#b71c1c;color:#fff;font-size:22px;'
             'text-decoration:none">评价本次服务</a>')


@router.get("/t/{token}", response_class=HTMLResponse)
def ticket_page(token: str, request: Request) -> HTMLResponse:
    hs: HallService = request.app.state.service
    try:
        ticket = hs.ticket_json(hs.ticket_by_token(token))
    except HallError:
        return HTMLResponse("<h1>没有这张票 / No such ticket</h1>", status_code=404)
    if ticket["status"] == "waiting":
        detail = f"前面还有 {ticket['waiting_ahead']} 人"
    elif ticket["status"] == "called":
        window = hs.hall.window(ticket["window"] or "")
        detail = f"请到 {window.name if window else ticket['window']} 办理"
    else:
        detail = ""
    rate = ""  # done and not yet rated: offer the phone rating page (9.4)
    if ticket["status"] == "done" and not hs.is_rated(ticket["id"]):
        rate = RATE_LINK.format(token=escape(quote(token, safe="")))
    return HTMLResponse(PAGE.format(
        hall=escape(hs.hall.name), number=escape(ticket["number"]),
        service=escape(ticket["service_name"]),
        status=STATUS_TEXT.get(ticket["status"], ticket["status"]), detail=escape(detail),
        rate=rate))
