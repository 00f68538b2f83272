"""The HTML of the phone rating page: plain forms, large tap targets, everything escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from hallq.server.domain.rating import LEVELS
from hallq.server.domain.ticket import Ticket
from hallq.server.service.hall_service import HallService

STYLE = """body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei",sans-serif;margin:0;background:#f3f6fa;color:#1d2b3a;font-size:18px}
header{background:#b71c1c;color:#fff;padding:14px 16px;font-size:18px}
main{padding:0 12px 24px}h1{font-size:24px;margin:18px 4px 6px}
.who{color:#546e7a;margin:0 4px 12px}.card{background:#fff;border-radius:12px;padding:12px;
margin:12px 0;box-shadow:0 1px 4px #0002}.card h2{font-size:18px;margin:4px 4px 10px}
.opt{display:block;margin:8px 0}.opt input{position:absolute;opacity:0}
.opt span{display:block;min-height:56px;line-height:56px;border:2px solid #c5d0db;
border-radius:12px;padding:0 16px;font-size:20px;background:#fff}
.opt input:checked+span{border-color:#b71c1c;background:#b71c1c;color:#fff}
.opt input:focus-visible+span{outline:3px solid #0d47a1}
.reasons .opt{display:inline-block;margin:6px 6px 6px 0}.reasons .opt span{font-size:18px}
textarea{width:100%;box-sizing:border-box;min-height:88px;font-size:18px;padding:10px;
border:2px solid #c5d0db;border-radius:10px;font-family:inherit}
button{width:100%;min-height:60px;font-size:22px;border:0;border-radius:12px;
background:#b71c1c;color:#fff;margin-top:8px;font-family:inherit}
.problem{background:#ffebee;color:#b71c1c;border-radius:10px;padding:12px;margin:12px 0}
.hint{color:#546e7a;font-size:16px;margin:0 4px 8px}.msg{text-align:center;padding:32px 8px}
.msg h1{font-size:30px}"""

HEAD = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<title>{title}</title><style>{style}</style></head><body><header>{hall}</header>'
        '<main>{body}</main></body></html>')


def _page(hall: str, title: str, body: str) -> str:
    return HEAD.format(title=escape(title), style=STYLE, hall=escape(hall), body=body)


def message_page(hall: str, title: str, text: str) -> str:
    body = f'<div class="msg"><h1>{escape(title)}</h1><p>{escape(text)}</p></div>'
    return _page(hall, title, body)


def _option(kind: str, name: str, value: str, label: str, checked: bool) -> str:
    mark = " checked" if checked else ""
    return (f'<label class="opt"><input type="{kind}" name="{name}" value="{escape(value)}"'
            f'{mark}><span>{escape(label)}</span></label>')


def form_page(hs: HallService, ticket: Ticket, problem: str = "",
              chosen: dict[str, Any] | None = None) -> str:
    chosen = chosen or {}
    service = hs.hall.service(ticket.service)
    window = hs.hall.window(ticket.window or "")
    where = " · ".join(x for x in (service.name if service else ticket.service,
                                    window.name if window else "") if x)
    levels = "".join(_option("radio", "score", str(score), level,
                             chosen.get("score") == str(score))
                     for score, level in LEVELS.items())
    picked = set(chosen.get("reasons", []))
    reasons = "".join(_option("checkbox", "reasons", r, r, r in picked)
                      for r in hs.hall.bad_rating_reasons)
    warning = f'<div class="problem" role="alert">{escape(problem)}</div>' if problem else ""
    reasons_card = (f'<div class="card reasons"><h2>不满意的原因（可多选）</h2>'
                    f'<p class="hint">选择“不满意”或“非常不满意”时请至少选一项</p>{reasons}</div>'
                    if reasons else "")
    clerk = hs.hall.clerk(ticket.clerk or "")  # the name and 工号 the rating pad shows
    served_by = (f'<p class="who clerk">服务人员：{escape(clerk.name)}'
                 f'{f"（{escape(clerk.job_number)}）" if clerk.job_number else ""}</p>'
                 if clerk else "")
    body = (f'<h1>评价本次服务</h1><p class="who">{escape(ticket.number)} 号 · {escape(where)}</p>'
            f'{served_by}'
            f'{warning}<form method="post" action="rate">'
            f'<div class="card"><h2>您对本次服务满意吗？</h2>{levels}</div>{reasons_card}'
            f'<div class="card"><h2>意见或建议（可不填）</h2>'
            f'<textarea name="comment" maxlength="500">{escape(chosen.get("comment", ""))}'
            f'</textarea></div><button type="submit">提交评价</button></form>')
    return _page(hs.hall.name, f"评价 {ticket.number}", body)
