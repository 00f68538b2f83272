"""Who is looking: the console's session cookie, role checks and CSRF checks.

Pages depend on ``require(role)``: without a session they send the browser to the log-in page,
with a too-small role they answer 403. A form that changes something depends on
``require_form(role)``, which also refuses (403) a form without the session's CSRF token. An
API bearer token is not a console log-in: only the session cookie counts here.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, quote

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from hallq.server.domain.accounts import may
from hallq.server.service.accounts import Accounts, Session

SESSION_COOKIE = "hallq_console"
LOGIN_CSRF_COOKIE = "hallq_console_login"  # the log-in form's CSRF token (double submit)
LANG_COOKIE = "hallq_lang"
MAX_FORM = 16 * 1024


class LoginNeeded(Exception):
    """No (valid) session: the browser goes to the log-in page, and back here after."""

    def __init__(self, back: str) -> None:
        super().__init__(back)
        self.back = back


class Refused(Exception):
    """Logged in, but not allowed: ``why`` is a text key (``refused.role``, ``refused.csrf``)."""

    def __init__(self, why: str, session: Session | None = None) -> None:
        super().__init__(why)
        self.why, self.session = why, session


@dataclass(frozen=True)
class Form:
    """A checked form: who sent it and its fields (first value of each)."""

    session: Session
    fields: dict[str, str]


def accounts_of(request: Request) -> Accounts:
    found: Accounts = request.app.state.accounts
    return found


def address(request: Request) -> str:
    return request.client.host if request.client else ""


def current(request: Request) -> Session | None:
    return accounts_of(request).session(request.cookies.get(SESSION_COOKIE))


def require(role: str) -> Callable[[Request], Session]:
    """A dependency: the session of someone who is at least ``role`` (viewer < supervisor <
    admin). A plain function, so FastAPI runs its database read in the thread pool."""

    def dependency(request: Request) -> Session:
        session = current(request)
        if session is None:
            back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginNeeded(back)
        if not may(session.role, role):
            raise Refused("refused.role", session)
        return session

    dependency.__name__ = f"require_{role}"
    return dependency


async def form_fields(request: Request) -> dict[str, str]:
    """An urlencoded form's fields (the first value of each); no multipart, nothing large."""
    raw = await request.body()
    if len(raw) > MAX_FORM:
        return {}
    parsed = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items()}


def same_token(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(
        str(given).encode(), str(expected).encode())


def require_form(role: str) -> Callable[[Request], Awaitable[Form]]:
    """A dependency for a changing form: the role as ``require`` and the session's CSRF token
    in the form's ``csrf`` field (else :class:`Refused`)."""
    who = require(role)

    async def dependency(request: Request) -> Form:
        session = await run_in_threadpool(who, request)
        fields = await form_fields(request)
        if not same_token(fields.get("csrf"), session.csrf):
            raise Refused("refused.csrf", session)
        return Form(session, fields)

    dependency.__name__ = f"require_form_{role}"
    return dependency


def login_url(back: str) -> str:
    return "/console/login" + (f"?next={quote(back, safe='/')}" if back != "/console" else "")


def safe_back(back: str | None) -> str:
    """Where to go after logging in: only a page of the console, never another site."""
    if back and back.startswith("/console") and not back.startswith("/console/login") \
            and "//" not in back and "\\" not in back:
        return back
    return "/console"
