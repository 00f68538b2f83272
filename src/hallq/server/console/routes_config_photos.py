"""A clerk's photo for the rating pad (6.2.1), on the clerk's page: upload a JPEG or PNG (at most
2 MB; kept as a JPEG of at most 600x800 in the database, ``service/clerk_photos.py``), take it
away, and see it (``GET /console/config/clerks/{id}/photo``). The rating pads read it through
``GET /api/clerks/{id}/photo`` once the change is published."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import session as s
from hallq.server.console import texts
from hallq.server.console.routes_config_clerks import refused, version_of
from hallq.server.domain.errors import HallError, Invalid
from hallq.server.service import clerk_photos
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
PhotoForm = Annotated[s.Form, Depends(s.require_form("admin", upload=clerk_photos.MAX_BYTES))]

texts.add({
    "zh": {"photo.title": "照片（评价器显示）", "photo.upload": "上传照片",
           "photo.hint": "JPEG 或 PNG，不超过 2 MB；保存为不超过 600×800 的 JPEG",
           "photo.remove": "删除照片", "photo.none": "尚无上传的照片（评价器显示剪影或本机照片）",
           "clerks.photo_saved": "照片已保存，评价器随即显示", "clerks.photo_removed": "照片已删除",
           "refused.too_large": "上传的文件太大（照片不超过 2 MB）。"},
    "en": {"photo.title": "Photo (on the rating pad)", "photo.upload": "Upload photo",
           "photo.hint": "JPEG or PNG, at most 2 MB; kept as a JPEG of at most 600×800",
           "photo.remove": "Remove photo",
           "photo.none": "No uploaded photo (the rating pad shows a silhouette or a local file)",
           "clerks.photo_saved": "Photo saved; the rating pads show it now",
           "clerks.photo_removed": "Photo removed",
           "refused.too_large": "The uploaded file is too large (a photo: at most 2 MB)."},
})


@router.get("/config/clerks/{clerk_id}/photo")
async def photo(request: Request, clerk_id: str, _session: c.Viewer) -> Response:
    hs: HallService = request.app.state.service
    try:
        _sha, kind, data = await run_in_threadpool(clerk_photos.photo, hs, clerk_id)
    except HallError:
        return Response(status_code=404)
    return Response(data, media_type=kind, headers={"Cache-Control": "private, max-age=86400",
                                                    "X-Content-Type-Options": "nosniff"})


@router.post("/config/clerks/{clerk_id}/photo")
async def upload(request: Request, clerk_id: str, form: PhotoForm) -> Response:
    hs: HallService = request.app.state.service
    _name, data = form.files.get("photo", ("", b""))
    try:
        if not data:
            raise Invalid("photo: choose a JPEG or PNG file", field="photo")
        jpeg = await run_in_threadpool(clerk_photos.as_jpeg, data)  # off the writer's lock
        await hs.submit(clerk_photos.upload, hs, c.live(request), clerk_id, jpeg,
                        version_of(form), c.who(form))
    except HallError as e:
        return await refused(request, form, e, "config_clerk.html", clerk_id=clerk_id)
    return RedirectResponse(f"/console/config/clerks/{clerk_id}?done=photo_saved", 303)


@router.post("/config/clerks/{clerk_id}/photo/remove")
async def remove(request: Request, clerk_id: str, form: c.AdminForm) -> Response:
    hs: HallService = request.app.state.service
    try:
        await hs.submit(clerk_photos.remove, hs, c.live(request), clerk_id, version_of(form),
                        c.who(form))
    except HallError as e:
        return await refused(request, form, e, "config_clerk.html", clerk_id=clerk_id)
    return RedirectResponse(f"/console/config/clerks/{clerk_id}?done=photo_removed", 303)
