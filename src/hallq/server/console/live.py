"""The live hall's data and its rendering, shared by the page and the live stream.

``PARTS`` is where other console features add to the live hall: a function of the app's state
(run in the thread pool) whose result the panels template gets under the part's name. The
``alarms`` part is shown by ``live_alarms.html`` (a template the alarms feature ships) in the
clearly marked ``<section id="alarms">`` of ``live_panels.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.datastructures import State

from hallq.server.console.pages import TEMPLATES, context
from hallq.server.service.accounts import Session
from hallq.server.service.live_view import live_view

Part = Callable[[State], Any]
PARTS: dict[str, Part] = {}


def add_part(name: str, part: Part) -> None:
    """E.g. ``add_part("alarms", lambda state: state.alarms.active())``."""
    PARTS[name] = part


def live_data(state: State) -> dict[str, Any]:
    """Everything the panels show (blocking: call it in the thread pool)."""
    data: dict[str, Any] = {"live": live_view(state.service)}
    for name, part in PARTS.items():
        data[name] = part(state)
    return data


def panels(base: dict[str, Any], data: dict[str, Any]) -> str:
    """The live panels' HTML for one browser (its language, its session's CSRF token)."""
    return TEMPLATES.get_template("live_panels.html").render({**base, **data})


def base_context(request: Any, session: Session) -> dict[str, Any]:
    return context(request, session, "live")
