"""Rendering a console page: the templates, the language, the nav, the CSRF token.

Every page is a template extending ``base.html``; :func:`render` gives it ``t`` (the texts in
the browser's language), ``lang``, ``session`` (user, role, ``session.csrf`` for forms), ``nav``,
``page`` (the name on ``<body class="page-…">``) and ``named(thing)``: a service's, window's or
report row's name in the page's language (``named(s, "department")`` for another field).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from hallq.common.names import pick_name
from hallq.common.version import hallq_version
from hallq.server.console.session import LANG_COOKIE
from hallq.server.console.texts import Texts, language
from hallq.server.domain.accounts import may
from hallq.server.service.accounts import Session

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
STATIC = HERE / "static"
TEMPLATES.env.globals["version"] = hallq_version()

# (page name, text key, address, least role that sees it): the other console pages fill these
NAV: list[tuple[str, str, str, str]] = [
    ("live", "nav.live", "/console", "viewer"),
    ("reports", "nav.reports", "/console/reports", "viewer"),
    ("follow_ups", "nav.follow_ups", "/console/follow-ups", "viewer"),
    ("config", "nav.config", "/console/config", "viewer"),
    ("audit", "nav.audit", "/console/audit", "admin"),
]
# Scripts and styles only from the console's own files: no inline script or style attribute
# runs (data for a script goes in <script type="application/json">, read with JSON.parse).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
HEADERS = {"Cache-Control": "no-store", "X-Frame-Options": "DENY",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
           "Content-Security-Policy": CSP}


def lang_of(request: Request) -> str:
    return language(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))


def context(request: Request, session: Session | None, page: str) -> dict[str, Any]:
    lang = lang_of(request)
    hall = getattr(request.app.state, "service", None)
    return {
        "request": request, "t": Texts(lang), "lang": lang, "session": session, "page": page,
        "nav": [n for n in NAV if session is not None and may(session.role, n[3])],
        "hall_name": pick_name(hall.hall.name, hall.hall.name_en, lang) if hall else "",
        "named": lambda thing, key="name": pick_name(_text(thing, key), _text(thing, f"{key}_en"),
                                                     lang),
        "other_lang": "en" if lang == "zh" else "zh",
        "may": lambda role: session is not None and may(session.role, role),
        "dur": lambda seconds: duration(int(seconds or 0), lang),
        "mins": lambda seconds: minutes(int(seconds or 0), lang),
    }


def _text(thing: Any, key: str) -> str:
    """``thing``'s ``key`` as text, a configuration item's (a dict) or a view's (a model)."""
    value = thing.get(key) if isinstance(thing, Mapping) else getattr(thing, key, None)
    return "" if value is None else str(value)


def duration(seconds: int, lang: str) -> str:
    """12分05秒 / 12 min 05 s; over an hour 1小时02分 / 1 h 02 min (live.js writes the same)."""
    h, m, s = seconds // 3600, seconds // 60 % 60, seconds % 60
    if lang == "zh":
        return f"{h}小时{m:02d}分" if h else f"{m}分{s:02d}秒" if m else f"{s}秒"
    return f"{h} h {m:02d} min" if h else f"{m} min {s:02d} s" if m else f"{s} s"


def minutes(seconds: int, lang: str) -> str:
    n = max(1, round(seconds / 60))
    return f"约 {n} 分钟" if lang == "zh" else f"~{n} min"


def render(request: Request, template: str, session: Session | None, page: str,
           status: int = 200, **values: Any) -> Response:
    """The page ``template`` with the common context and ``values``."""
    response = TEMPLATES.TemplateResponse(request, template,
                                          {**context(request, session, page), **values},
                                          status_code=status, headers=HEADERS)
    remember_language(request, response)
    return response


def remember_language(request: Request, response: Response) -> None:
    wanted = request.query_params.get("lang")
    if wanted:
        response.set_cookie(LANG_COOKIE, language(wanted), max_age=365 * 86400,
                            path="/", samesite="strict")
