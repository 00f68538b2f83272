"""``GET /api/clerks/{id}/photo``: a clerk's photo uploaded in the console, for the rating pad
and any other app with a token (staff information is published, 6.2.1). The window's view names
it as the clerk's ``photo_url``, its version in the query: the answer may be kept a day. JSON
as every answer of the API (the JPEG's bytes in base64: a photo is some 50 KB)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import ERRORS
from hallq.server.api.routes_tickets import Hall
from hallq.server.service import clerk_photos

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/clerks/{clerk}/photo", tags=["windows"], response_model=contract.ClerkPhoto)
async def clerk_photo(clerk: Annotated[str, Path(max_length=40)], hs: Hall,
                      _caller: Annotated[Caller, Depends(authenticate)]) -> Any:
    answer = await run_in_threadpool(clerk_photos.photo_answer, hs, clerk)
    return JSONResponse(contract.ClerkPhoto.model_validate(answer).model_dump(mode="json"),
                        headers={"Cache-Control": "private, max-age=86400"})
