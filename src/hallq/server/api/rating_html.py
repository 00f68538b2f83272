"""The HTML of the phone rating page: plain forms, large tap targets, everything escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from hallq.server.api.phone_texts import LEVELS_EN, pick_name, words
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

HEAD = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<title>{title}</title><style>{style}</style></head><body><header>{hall}</header>'
        '<main>{body}</main></body></html>')


def _page(hall: str, title: str, body: str, lang: str = "zh") -> str:
    return HEAD.format(title=escape(title), style=STYLE, hall=escape(hall), body=body,
                       lang=words(lang, "html_lang"))


def message_page(hall: str, title: str, text: str, lang: str = "zh") -> str:
    body = f'<div class="msg"><h1>{escape(title)}</h1><p>{escape(text)}</p></div>'
    return _page(hall, title, body, lang)


def _option(kind: str, name: str, value: str, label: str, checked: bool) -> str:
    mark = " checked" if checked else ""
    return (f'<label class="opt"><input type="{kind}" name="{name}" value="{escape(value)}"'
            f'{mark}><span>{escape(label)}</span></label>')


def form_page(hs: HallService, ticket: Ticket, problem: str = "",
              chosen: dict[str, Any] | None = None, lang: str = "zh") -> str:
    """The form in ``lang``; a reason's value stays the hall's own (Chinese) reason."""
    chosen, hall = chosen or {}, hs.hall
    service = hall.service(ticket.service)
    window = hall.window(ticket.window or "")
    where = " · ".join(x for x in (pick_name(service.name, service.name_en, lang) if service
                                    else ticket.service,
                                    pick_name(window.name, window.name_en, lang) if window
                                    else "") if x)
    levels = "".join(_option("radio", "score", str(score),
                             LEVELS_EN[score] if lang == "en" else level,
                             chosen.get("score") == str(score))
                     for score, level in LEVELS.items())
    picked = set(chosen.get("reasons", []))
    reasons = "".join(_option("checkbox", "reasons", r,
                              hall.english_reason(r) if lang == "en" else r, r in picked)
                      for r in hall.bad_rating_reasons)
    warning = f'<div class="problem" role="alert">{escape(problem)}</div>' if problem else ""
    reasons_card = (f'<div class="card reasons"><h2>{words(lang, "reasons")}</h2>'
                    f'<p class="hint">{words(lang, "reasons_hint")}</p>{reasons}</div>'
                    if reasons else "")
    action = "rate?lang=en" if lang == "en" else "rate"
    who = words(lang, "who", number=ticket.number, where=where)
    clerk = hs.hall.clerk(ticket.clerk or "")  # the name and 工号 the rating pad shows
    served_by = (f'<p class="who clerk">{escape(words(lang, "served_by", name=clerk.name))}'
                 f'{f"（{escape(clerk.job_number)}）" if clerk.job_number else ""}</p>'
                 if clerk else "")
    body = (f'<h1>{words(lang, "heading")}</h1><p class="who">{escape(who)}</p>'
            f'{served_by}'
            f'{warning}<form method="post" action="{action}">'
            f'<div class="card"><h2>{words(lang, "question")}</h2>{levels}</div>{reasons_card}'
            f'<div class="card"><h2>{words(lang, "comment")}</h2>'
            f'<textarea name="comment" maxlength="500">{escape(chosen.get("comment", ""))}'
            f'</textarea></div><button type="submit">{words(lang, "submit")}</button></form>')
    return _page(pick_name(hall.name, hall.name_en, lang),
                 words(lang, "form_title", number=ticket.number), body, lang)
