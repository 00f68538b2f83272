"""Every refusal becomes a 4xx with ``{"detail": "...readable...", "code", "field"}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from hallq.server.domain.errors import Conflict, Forbidden, HallError, Invalid, NotFound

STATUS = {NotFound: 404, Conflict: 409, Invalid: 422, Forbidden: 403}


def _status(exc: HallError) -> int:
    return next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 409)


def readable(exc: RequestValidationError) -> tuple[str, str | None]:
    parts, first = [], None
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        name = ".".join(loc) or "body"
        first = first or name
        message = str(error.get("msg", "is invalid"))
        if error.get("type") == "extra_forbidden":
            message = "is not a known field (a typo?)"
        elif error.get("type") == "json_invalid":
            name, message = "body", "is not valid JSON"
        parts.append(f"{name}: {message}")
    return "; ".join(parts) or "invalid request", first


def install(app: FastAPI) -> None:
    @app.exception_handler(HallError)
    async def hall_error(_request: Request, exc: HallError) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code, "field": exc.field},
                            status_code=_status(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, field = readable(exc)
        return JSONResponse({"detail": detail, "code": "invalid", "field": field},
                            status_code=422)
