"""The hall manager's web console under ``/console`` (docs/console.md: how to add a page).

:func:`install` puts it on the server's app: the accounts, the static files shipped in this
package, the pages' routers and the answers for "log in first" and "not allowed".
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from hallq.server.console import (
    alarms,
    events,
    routes_audit,
    routes_config,
    routes_config_appointments,
    routes_config_clerks,
    routes_config_photos,
    routes_config_policy,
    routes_config_services,
    routes_config_windows,
    routes_follow_ups,
    routes_live,
    routes_login,
    routes_reports,
)
from hallq.server.console import session as s
from hallq.server.console.pages import STATIC, TEMPLATES, render
from hallq.server.service.accounts import Accounts

ROUTERS = [routes_login.router, routes_live.router, routes_reports.router, routes_config.router,
           events.router, routes_follow_ups.router, routes_audit.router,
           routes_config_services.router, routes_config_windows.router,
           routes_config_policy.router,
           routes_config_clerks.router, routes_config_photos.router,
           routes_config_appointments.router]
PARTS = [alarms]  # modules that add their part to the live hall's panels when imported


def install(app: FastAPI, accounts: Accounts) -> None:
    app.state.accounts = accounts
    for name in TEMPLATES.env.list_templates():  # compiled now, not on a manager's first visit
        TEMPLATES.env.get_template(name)
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
    for router in ROUTERS:
        app.include_router(router)

    async def login_needed(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, s.LoginNeeded)
        return RedirectResponse(s.login_url(exc.back), 303)

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, s.Refused)
        return render(request, "refused.html", exc.session, "refused", exc.status, why=exc.why)

    app.add_exception_handler(s.LoginNeeded, login_needed)
    app.add_exception_handler(s.Refused, refused)
