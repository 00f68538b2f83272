"""What every configuration page of the console shares: the live configuration, rendering a
page with the configuration's view, the status of a refused change and the pages' sub-nav.

A configuration page (``routes_config*.py``) changes the hall only through
``service/live_config.py`` on the writer thread, exactly as ``/api/config`` does: the same
rules, versions, audit (who is ``console:USER``) and ``config.changed`` event."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from hallq.server.console import session as s
from hallq.server.console.pages import render
from hallq.server.console.session import AdminForm as AdminForm
from hallq.server.console.session import Viewer as Viewer
from hallq.server.service.accounts import Session
from hallq.server.service.live_config import LiveConfig

# The configuration's pages, in the order of their sub-nav (config_nav.html): (text key, address)
PAGES: list[tuple[str, str]] = [
    ("config.hall", "/console/config"),
    ("config.devices", "/console/config/devices"),
    ("config.services", "/console/config/services"),
    ("config.windows_page", "/console/config/windows"),
    ("config.policy", "/console/config/policy"),
    ("clerks.title", "/console/config/clerks"),
    ("appointments.title", "/console/config/appointments"),
]


def live(request: Request) -> LiveConfig:
    config: LiveConfig = request.app.state.live
    return config


def who(form: s.Form) -> str:
    return f"console:{form.session.user}"


async def page(request: Request, session: Session, template: str, status: int = 200,
               **values: Any) -> Response:
    """``template`` with ``config`` (the live configuration's view), ``done`` (the query's
    note of what was just done) and ``config_pages`` (the sub-nav)."""
    view = await run_in_threadpool(live(request).view)
    return render(request, template, session, "config", status, config=view,
                  done=request.query_params.get("done", ""), config_pages=PAGES, **values)
