"""One item of a configuration list (a service, a window) and its form: shown as the live
configuration holds it; saved or removed through it on the writer thread; a refusal shows the
form again with what the manager typed and the reason; success goes back to the list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import config_forms as f
from hallq.server.console import session as s
from hallq.server.domain.errors import HallError
from hallq.server.service.accounts import Session
from hallq.server.service.hall_service import HallService

# the item's form page: (request, session, item id or None for a new one, values, refusal)
FormPage = Callable[[Request, Session, str | None, dict[str, str], f.Refusal | None],
                    Awaitable[Response]]


async def edit_page(request: Request, session: Session, kind: str, item_id: str,
                    to_form: Callable[[dict[str, Any]], dict[str, str]], form_page: FormPage,
                    list_url: str) -> Response:
    """The item's form filled from the live configuration (gone: back to the list)."""
    item = c.live(request).find(kind, item_id)
    if item is None:
        return RedirectResponse(list_url, 303)
    return await form_page(request, session, item_id,
                           {**to_form(item.body), "version": str(item.version)}, None)


async def save(request: Request, form: s.Form, kind: str, item_id: str, body: dict[str, Any],
               new: bool, form_page: FormPage, list_url: str,
               aliases: dict[str, str] | None = None) -> Response:
    hs: HallService = request.app.state.service
    try:
        await hs.submit(c.live(request).put, kind, item_id, body, c.who(form))
    except HallError as e:
        refusal = f.refusal(request, e, f"{kind}/{item_id}", body.get("version"), aliases, new)
        return await form_page(request, form.session, None if new else item_id, form.fields,
                               refusal)
    return RedirectResponse(f"{list_url}?done=saved&item={item_id}", 303)


async def remove(request: Request, form: s.Form, kind: str, item_id: str,
                 to_form: Callable[[dict[str, Any]], dict[str, str]], form_page: FormPage,
                 list_url: str) -> Response:
    hs: HallService = request.app.state.service
    version = f.version_of(form.fields)
    try:
        await hs.submit(c.live(request).delete, kind, item_id, version, c.who(form))
    except HallError as e:
        item = c.live(request).find(kind, item_id)
        values = {**to_form(item.body), "version": str(version)} if item else {}
        return await form_page(request, form.session, item_id if item else None, values,
                               f.refusal(request, e, f"{kind}/{item_id}", version))
    return RedirectResponse(f"{list_url}?done=removed", 303)
