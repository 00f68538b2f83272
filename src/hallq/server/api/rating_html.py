"""The citizen's phone pages, rendered from the Jinja2 templates in ``api/templates`` (the
console's convention): the rating form and its messages (``rating_page.py``) and the ticket's
status page (``pages.py``). The templates escape everything they are given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from hallq.common.names import pick_name
from hallq.server.api.phone_texts import words
from hallq.server.domain.rating import LEVELS, LEVELS_EN
from hallq.server.domain.ticket import Ticket
from hallq.server.service.hall_service import HallService

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")


def render(template: str, lang: str, hall: str, title: str, **values: Any) -> str:
    return TEMPLATES.get_template(template).render(
        html_lang=words(lang, "html_lang"), hall=hall, title=title, **values)


def message_page(hall: str, title: str, text: str, lang: str = "zh") -> str:
    return render("phone_message.html", lang, hall, title, text=text)


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
    picked = set(chosen.get("reasons", []))
    return render(
        "phone_rate.html", lang, pick_name(hall.name, hall.name_en, lang),
        words(lang, "form_title", number=ticket.number),
        w=lambda key, **kw: words(lang, key, **kw), problem=problem,
        who=words(lang, "who", number=ticket.number, where=where),
        clerk=hall.clerk(ticket.clerk or ""),  # the name and 工号 the rating pad shows
        action="rate?lang=en" if lang == "en" else "rate",
        levels=[(str(score), LEVELS_EN[score] if lang == "en" else level,
                 chosen.get("score") == str(score)) for score, level in LEVELS.items()],
        reasons=[(r, hall.english_reason(r) if lang == "en" else r, r in picked)
                 for r in hall.bad_rating_reasons],
        comment=chosen.get("comment", ""))
