"""Two refusals with more than a status: a locked log-in (429 with Retry-After) and storage
that cannot take a change (503). Same body as every error: detail, code, field."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from hallq.server.domain.lockout import LoginLocked
from hallq.server.service.failures import STORAGE_ERRORS, storage_failure

log = logging.getLogger("hallq.server")
STORAGE_RETRY_S = 30


def install(app: FastAPI) -> None:
    @app.exception_handler(LoginLocked)
    async def login_locked(_request: Request, exc: LoginLocked) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code, "field": None,
                             "retry_after_s": exc.retry_after_s}, status_code=429,
                            headers={"Retry-After": str(exc.retry_after_s)})

    async def storage(request: Request, exc: Exception) -> JSONResponse:
        reason = storage_failure(exc)
        if reason is None:
            raise exc  # a bug: the server error handler answers 500 and logs it
        log.error("storage failed on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(
            {"detail": f"nothing was changed: {reason}; try again later, and tell the hall's "
                       "administrator", "code": "storage_unavailable", "field": None},
            status_code=503, headers={"Retry-After": str(STORAGE_RETRY_S)})

    for kind in STORAGE_ERRORS:
        app.add_exception_handler(kind, storage)
