"""Who is looking: the console's session cookie, role checks and CSRF checks.

Pages depend on ``require(role)``: without a session they send the browser to the log-in page,
with a too-small role they answer 403. A form that changes something depends on
``require_form(role)``, which also refuses (403) a form without the session's CSRF token. An
API bearer token is not a console log-in: only the session cookie counts here.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import parse_qs, quote

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from hallq.server.domain.accounts import may
from hallq.server.service.accounts import Accounts, Session

SESSION_COOKIE = "hallq_console"
LOGIN_CSRF_COOKIE = "hallq_console_login"  # the log-in form's CSRF token (double submit)
LANG_COOKIE = "hallq_lang"
MAX_FORM = 64 * 1024  # a service's guide in both languages, percent-encoded, fits many times
MULTIPART_EXTRA = 64 * 1024  # a multipart form's fields and boundaries beside its file


class LoginNeeded(Exception):
    """No (valid) session: the browser goes to the log-in page, and back here after."""

    def __init__(self, back: str) -> None:
        super().__init__(back)
        self.back = back


class Refused(Exception):
    """Logged in, but not allowed: ``why`` is a text key (``refused.role``, ``refused.csrf``,
    ``refused.too_large`` with status 413)."""

    def __init__(self, why: str, session: Session | None = None, status: int = 403) -> None:
        super().__init__(why)
        self.why, self.session, self.status = why, session, status


@dataclass(frozen=True)
class Form:
    """A checked form: who sent it, its fields (first value of each) and, of a multipart
    form, its files (field name: (file name, bytes))."""

    session: Session
    fields: dict[str, str]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


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
    raw = await bounded_body(request, MAX_FORM)  # never read a huge body into memory
    if raw is None:
        return {}
    parsed = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items()}


async def bounded_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None once it is longer than ``limit`` (read no further)."""
    if int(request.headers.get("content-length") or 0) > limit:
        return None
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


async def multipart_form(request: Request, upload: int,
                         session: Session) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """A multipart form of a few fields and at most one file of ``upload`` bytes (a larger
    body: :class:`Refused` ``refused.too_large``, 413); the file is read into memory."""
    raw = await bounded_body(request, upload + MULTIPART_EXTRA)
    if raw is None:
        raise Refused("refused.too_large", session, 413)

    async def stream() -> AsyncGenerator[bytes, None]:
        yield raw

    try:
        parsed = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=20,
                                       max_part_size=MAX_FORM).parse()
    except MultiPartException:
        return {}, {}
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for name, value in parsed.multi_items():
        if isinstance(value, UploadFile):
            files.setdefault(name, (value.filename or "", await value.read()))
            await value.close()
        else:
            fields.setdefault(name, value)
    return fields, files


def same_token(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(
        str(given).encode(), str(expected).encode())


def require_form(role: str, upload: int = 0) -> Callable[[Request], Awaitable[Form]]:
    """A dependency for a changing form: the role as ``require`` and the session's CSRF token
    in the form's ``csrf`` field (else :class:`Refused`). With ``upload`` (bytes) the form
    may be multipart with one file that large (``<form enctype="multipart/form-data">``)."""
    who = require(role)

    async def dependency(request: Request) -> Form:
        session = await run_in_threadpool(who, request)
        files: dict[str, tuple[str, bytes]] = {}
        if upload and request.headers.get("content-type", "").startswith("multipart/form-data"):
            fields, files = await multipart_form(request, upload, session)
        else:
            fields = await form_fields(request)
        if not same_token(fields.get("csrf"), session.csrf):
            raise Refused("refused.csrf", session)
        return Form(session, fields, files)

    dependency.__name__ = f"require_form_{role}"
    return dependency


# The console routes' parameters, by who may use them: reading, and sending a changing form
Viewer = Annotated[Session, Depends(require("viewer"))]
Admin = Annotated[Session, Depends(require("admin"))]
SupervisorForm = Annotated[Form, Depends(require_form("supervisor"))]
AdminForm = Annotated[Form, Depends(require_form("admin"))]


def login_url(back: str) -> str:
    return "/console/login" + (f"?next={quote(back, safe='/')}" if back != "/console" else "")


def safe_back(back: str | None) -> str:
    """Where to go after logging in: only a page of the console, never another site."""
    if back and back.startswith("/console") and not back.startswith("/console/login") \
            and "//" not in back and "\\" not in back:
        return back
    return "/console"
