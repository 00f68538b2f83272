"""Every refusal becomes a 4xx with ``{"detail": "...readable...", "code", "field"}``, the
contract's ``ErrorBody``, and the OpenAPI says so for every route (``ERRORS``)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from hallq.contract import ErrorBody
from hallq.server.domain.errors import Conflict, Forbidden, HallError, Invalid, NotFound

STATUS = {NotFound: 404, Conflict: 409, Invalid: 422, Forbidden: 403}
CODE_STATUS = {"too_large": 413}  # refusals whose code says more than their kind
# the stable code of a refusal raised as an HTTPException (by auth, by the framework)
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "too_large",
              415: "unsupported_media_type", 422: "invalid", 503: "unavailable"}
_SAYS = {400: "the request could not be read", 401: "no valid token",
         403: "this device may not do that", 404: "no such thing in this hall",
         409: "the hall's state does not allow it", 422: "the request is invalid (names the field)",
         503: "the database cannot take the change now (code `storage_unavailable`, "
              "Retry-After): nothing was changed"}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of these error statuses, all with our error body."""
    return {s: {"model": ErrorBody, "description": _SAYS.get(s, "refused")} for s in statuses}


# what a route of the JSON API may answer besides its success: declared on every router
ERRORS = responses(401, 403, 404, 409, 422, 503)
BODY_ERRORS = responses(400)  # routes that parse a JSON body


def status_of(exc: HallError) -> int:
    """A refusal's HTTP status, for the JSON API and the console's pages alike: by its code
    where the code says more (an upload too large: 413), else by its kind (else 409)."""
    return CODE_STATUS.get(exc.code) or next(
        (status for kind, status in STATUS.items() if isinstance(exc, kind)), 409)


def readable(exc: RequestValidationError) -> tuple[str, str | None]:
    parts, first = [], None
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        name = ".".join(loc) or "body"
        message = str(error.get("msg", "is invalid"))
        if error.get("type") == "extra_forbidden":
            message = "is not a known field (a typo?)"
        elif error.get("type") == "json_invalid":
            name, message = "body", "is not valid JSON"
        first = first or name
        parts.append(f"{name}: {message}")
    return "; ".join(parts) or "invalid request", first


def body(detail: str, code: str, field: str | None,
         values: dict[str, str] | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"detail": detail, "code": code, "field": field}
    if values:
        answer["values"] = values
    return answer


def install(app: FastAPI) -> None:
    @app.exception_handler(HallError)
    async def hall_error(_request: Request, exc: HallError) -> JSONResponse:
        return JSONResponse(body(exc.message, exc.code, exc.field, exc.values),
                            status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, field = readable(exc)
        return JSONResponse(body(detail, "invalid", field), status_code=422)

    @app.exception_handler(HTTPException)
    async def refused(_request: Request, exc: HTTPException) -> JSONResponse:
        status = exc.status_code
        code = HTTP_CODES.get(status, f"http_{status}")
        field = "Authorization" if status == 401 else "body" if status == 400 else None
        headers = exc.headers
        if status == 405:  # every method of the path, not only those of its first route
            headers = {**(headers or {}), "Allow": _allowed(_request)}
        return JSONResponse(body(str(exc.detail), code, field), status_code=status,
                            headers=headers)


def _allowed(request: Request) -> str:
    methods = {m for route in request.app.routes if isinstance(route, APIRoute)
               and route.path_regex.match(request.url.path) for m in route.methods or ()}
    return ", ".join(sorted(methods))
