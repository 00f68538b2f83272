"""``/console/login`` and ``/console/logout``.

The log-in form carries a CSRF token too (double submit: the same random value in a
SameSite=Strict cookie and in the form), so another site cannot log a browser in as someone
else. The session cookie is HttpOnly and SameSite=Strict, scoped to ``/console``.
"""

from __future__ import annotations

import math
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import session as s
from hallq.server.console.pages import lang_of, render
from hallq.server.console.texts import Texts
from hallq.server.domain.errors import HallError
from hallq.server.domain.lockout import LoginLocked
from hallq.server.service.accounts import IDLE, Session

router = APIRouter(prefix="/console", include_in_schema=False)


def _login_page(request: Request, error: str = "", status: int = 200, back: str = "",
                username: str = "") -> Response:
    token = request.cookies.get(s.LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", None, "login", status, error=error,
                      csrf=token, back=s.safe_back(back or request.query_params.get("next")),
                      username=username)
    response.set_cookie(s.LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        path="/console/login")
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    if s.current(request) is not None:
        return RedirectResponse(s.safe_back(request.query_params.get("next")), 303)
    return _login_page(request)


@router.post("/login")
async def login(request: Request) -> Response:
    t = Texts(lang_of(request))
    fields = await s.form_fields(request)
    back, name = fields.get("next", ""), fields.get("username", "").strip()
    if not s.same_token(fields.get("csrf"), request.cookies.get(s.LOGIN_CSRF_COOKIE)):
        return _login_page(request, t("login.expired"), 403, back, name)
    accounts = s.accounts_of(request)
    try:
        token, _ = await run_in_threadpool(accounts.login, name, fields.get("password", ""),
                                           s.address(request))
    except LoginLocked as locked:
        return _login_page(request, t("login.locked",
                                      minutes=math.ceil(locked.retry_after_s / 60)), 429,
                           back, name)
    except HallError:
        return _login_page(request, t("login.wrong"), 401, back, name)
    response = RedirectResponse(s.safe_back(back), 303)
    response.set_cookie(s.SESSION_COOKIE, token, max_age=int(IDLE.total_seconds()),
                        httponly=True, samesite="strict", path="/console")
    response.delete_cookie(s.LOGIN_CSRF_COOKIE, path="/console/login")
    return response


@router.post("/logout")
async def logout(request: Request,
                 form: Annotated[s.Form, Depends(s.require_form("viewer"))]) -> Response:
    session: Session = form.session
    await run_in_threadpool(s.accounts_of(request).logout, session, s.address(request))
    response = RedirectResponse("/console/login", 303)
    response.delete_cookie(s.SESSION_COOKIE, path="/console")
    return response
