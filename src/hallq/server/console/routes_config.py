"""The configuration pages of the console: the hall's notice (``/console/config``) and the
devices (``/console/config/devices``: add one, its token shown once; revoke one).

Every change goes through the live configuration as ``config_common`` says. Viewers see the
pages; admins change."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import texts
from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
Viewer = c.Viewer
AdminForm = c.AdminForm
DEVICE_KINDS = ("kiosk", "window", "display", "bridge", "admin")

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


@router.get("/config")
async def hall_page(request: Request, session: Viewer) -> Response:
    return await c.page(request, session, "config_hall.html")


@router.post("/config/hall")
async def save_hall(request: Request, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    body: dict[str, Any] = {"notice": form.fields.get("notice", "").strip()}
    if form.fields.get("version", "").isdigit():
        body["version"] = int(form.fields["version"])
    try:
        await hs.submit(c.live(request).patch, "hall", body, c.who(form))
    except HallError as e:
        return await c.page(request, form.session, "config_hall.html", c.STATUS.get(e.code, 409),
                           error=e.message)
    return RedirectResponse("/console/config?done=saved", 303)


@router.get("/config/devices")
async def devices_page(request: Request, session: Viewer) -> Response:
    return await c.page(request, session, "config_devices.html", kinds=DEVICE_KINDS)


@router.post("/config/devices")
async def add_device(request: Request, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    device_id = form.fields.get("id", "").strip()[:40]
    windows = [w.strip() for w in form.fields.get("windows", "").split(",") if w.strip()]
    body = {"kind": form.fields.get("kind", ""), **({"windows": windows} if windows else {})}
    try:
        made = await hs.submit(c.live(request).put, "devices", device_id or "-", body,
                               c.who(form))
    except HallError as e:
        return await c.page(request, form.session, "config_devices.html",
                           c.STATUS.get(e.code, 409), kinds=DEVICE_KINDS, error=e.message)
    return await c.page(request, form.session, "config_devices.html", kinds=DEVICE_KINDS,
                       token=made.get("token"), made=device_id)


@router.post("/config/devices/{device_id}/revoke")
async def revoke_device(request: Request, device_id: str, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    try:
        await hs.submit(c.live(request).delete, "devices", device_id, None,
                        c.who(form))
    except HallError as e:
        return await c.page(request, form.session, "config_devices.html",
                           c.STATUS.get(e.code, 409), kinds=DEVICE_KINDS, error=e.message)
    return RedirectResponse("/console/config/devices?done=revoked", 303)
