"""The configuration pages of the console: the hall's notice (``/console/config``) and the
devices (``/console/config/devices``: add one, its token shown once; revoke one).

Every change goes through the live configuration (``service/live_config.py``) on the writer
thread, exactly as ``/api/config`` does: the same rules, versions, audit (who is
``console:USER``) and ``config.changed`` event. Viewers see the pages; admins change."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import session as s
from hallq.server.console import texts
from hallq.server.console.pages import render
from hallq.server.domain.errors import HallError
from hallq.server.service.accounts import Session
from hallq.server.service.hall_service import HallService
from hallq.server.service.live_config import LiveConfig

router = APIRouter(prefix="/console", include_in_schema=False)
Viewer = Annotated[Session, Depends(s.require("viewer"))]
AdminForm = Annotated[s.Form, Depends(s.require_form("admin"))]
DEVICE_KINDS = ("kiosk", "window", "display", "bridge", "admin")
STATUS = {"invalid": 422, "not_found": 404}

texts.add({
    "zh": {"config.title": "大厅配置", "config.hall": "大厅", "config.name": "名称",
           "config.notice": "滚动通知（电视屏）", "config.save": "保存",
           "config.saved": "已保存，已通知各终端",
           "config.version": "版本", "config.devices": "设备", "config.device_id": "设备编号",
           "config.kind": "类型", "config.windows": "窗口（逗号分隔）", "config.add": "添加设备",
           "config.revoke": "吊销", "config.revoked": "已吊销：该设备的令牌立即失效",
           "config.token_once": "新设备的令牌（只显示这一次，请立即写入设备配置）：",
           "config.none": "无"},
    "en": {"config.title": "Hall configuration", "config.hall": "Hall", "config.name": "Name",
           "config.notice": "Notice line (TV displays)", "config.save": "Save",
           "config.saved": "Saved; every terminal was told", "config.version": "Version",
           "config.devices": "Devices", "config.device_id": "Device id", "config.kind": "Kind",
           "config.windows": "Windows (comma-separated)", "config.add": "Add device",
           "config.revoke": "Revoke", "config.revoked": "Revoked: its token stops working now",
           "config.token_once": "The new device's token (shown this once: put it in the "
                                "device's settings now):", "config.none": "none"},
})


def _live(request: Request) -> LiveConfig:
    live: LiveConfig = request.app.state.live
    return live


async def _page(request: Request, session: Session, template: str, status: int = 200,
                **values: Any) -> Response:
    view = await run_in_threadpool(_live(request).view)
    return render(request, template, session, "config", status, config=view,
                  done=request.query_params.get("done", ""), **values)


@router.get("/config")
async def hall_page(request: Request, session: Viewer) -> Response:
    return await _page(request, session, "config_hall.html")


@router.post("/config/hall")
async def save_hall(request: Request, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    body: dict[str, Any] = {"notice": form.fields.get("notice", "").strip()}
    if form.fields.get("version", "").isdigit():
        body["version"] = int(form.fields["version"])
    try:
        await hs.submit(_live(request).patch, "hall", body, f"console:{form.session.user}")
    except HallError as e:
        return await _page(request, form.session, "config_hall.html", STATUS.get(e.code, 409),
                           error=e.message)
    return RedirectResponse("/console/config?done=saved", 303)


@router.get("/config/devices")
async def devices_page(request: Request, session: Viewer) -> Response:
    return await _page(request, session, "config_devices.html", kinds=DEVICE_KINDS)


@router.post("/config/devices")
async def add_device(request: Request, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    device_id = form.fields.get("id", "").strip()[:40]
    windows = [w.strip() for w in form.fields.get("windows", "").split(",") if w.strip()]
    body = {"kind": form.fields.get("kind", ""), **({"windows": windows} if windows else {})}
    try:
        made = await hs.submit(_live(request).put, "devices", device_id or "-", body,
                               f"console:{form.session.user}")
    except HallError as e:
        return await _page(request, form.session, "config_devices.html",
                           STATUS.get(e.code, 409), kinds=DEVICE_KINDS, error=e.message)
    return await _page(request, form.session, "config_devices.html", kinds=DEVICE_KINDS,
                       token=made.get("token"), made=device_id)


@router.post("/config/devices/{device_id}/revoke")
async def revoke_device(request: Request, device_id: str, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    try:
        await hs.submit(_live(request).delete, "devices", device_id, None,
                        f"console:{form.session.user}")
    except HallError as e:
        return await _page(request, form.session, "config_devices.html",
                           STATUS.get(e.code, 409), kinds=DEVICE_KINDS, error=e.message)
    return RedirectResponse("/console/config/devices?done=revoked", 303)
