"""The configuration pages of the console: the hall (``/console/config``: name, notice line,
opening hours, holidays and make-up days) and the devices (``/console/config/devices``: add
one, its token shown once; revoke one).

Every change goes through the live configuration as ``config_common`` says. Viewers see the
pages; admins change."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.api.errors import status_of
from hallq.server.console import config_common as c
from hallq.server.console import config_forms as f
from hallq.server.console import texts
from hallq.server.console.session import AdminForm, Viewer
from hallq.server.domain.errors import HallError
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
DEVICE_KINDS = ("kiosk", "window", "display", "bridge", "admin")
HALL_LISTS = ("hours", "holidays", "make_up_days")

texts.add({
    "zh": {"config.title": "大厅配置", "config.hall": "大厅", "config.name": "名称",
           "config.notice": "滚动通知（电视屏）", "config.save": "保存",
           "config.saved": "已保存，已通知各终端",
           "config.version": "版本", "config.devices": "设备", "config.device_id": "设备编号",
           "config.kind": "类型", "config.windows": "窗口（逗号分隔）", "config.add": "添加设备",
           "config.revoke": "吊销", "config.revoked": "已吊销：该设备的令牌立即失效",
           "config.token_once": "新设备的令牌（只显示这一次，请立即写入设备配置）：",
           "config.none": "无", "cf.notice": "滚动通知（电视屏）",
           "cf.holidays": "节假日（闭厅）", "cf.make_up_days": "调休上班日",
           "hall.hours_help": "每行一段，如 mon-fri 08:30-12:00；留空：全天开放",
           "hall.holidays_help": "每行一天或一段，如 2027-02-05..2027-02-11",
           "hall.make_up_help": "每行一天及按哪天的时间开放，如 2027-02-14 fri"},
    "en": {"config.title": "Hall configuration", "config.hall": "Hall", "config.name": "Name",
           "config.notice": "Notice line (TV displays)", "config.save": "Save",
           "config.saved": "Saved; every terminal was told", "config.version": "Version",
           "config.devices": "Devices", "config.device_id": "Device id", "config.kind": "Kind",
           "config.windows": "Windows (comma-separated)", "config.add": "Add device",
           "config.revoke": "Revoke", "config.revoked": "Revoked: its token stops working now",
           "config.token_once": "The new device's token (shown this once: put it in the "
                                "device's settings now):", "config.none": "none",
           "cf.notice": "Notice line (TV displays)", "cf.holidays": "Holidays (closed)",
           "cf.make_up_days": "Make-up working days (调休)",
           "hall.hours_help": "one period a line, like mon-fri 08:30-12:00; blank: always open",
           "hall.holidays_help": "one day or range a line, like 2027-02-05..2027-02-11",
           "hall.make_up_help": "a day and whose hours it opens with, like 2027-02-14 fri"},
})


def hall_form(body: dict[str, Any], version: int) -> dict[str, str]:
    values = {k: str(body.get(k, "")) for k in ("name", "name_en", "notice")}
    values.update({k: "\n".join(body.get(k) or []) for k in HALL_LISTS})
    return {**values, "version": str(version)}


@router.get("/config")
async def hall_page(request: Request, session: Viewer) -> Response:
    item = c.live(request).find("hall", "")
    return await c.page(request, session, "config_hall.html", values=hall_form(
        item.body if item else {}, item.version if item else 0))


@router.post("/config/hall")
async def save_hall(request: Request, form: AdminForm) -> Response:
    """The keys the form has: a blank English name or list removes that key."""
    hs: HallService = request.app.state.service
    fields = form.fields
    body: dict[str, Any] = {k: fields[k].strip() for k in ("name", "notice") if k in fields}
    body.update({k: f.lines(fields[k]) or None for k in HALL_LISTS if k in fields})
    if "name_en" in fields:
        body["name_en"] = fields["name_en"].strip() or None
    body["version"] = f.version_of(fields)
    try:
        await hs.submit(c.live(request).patch, "hall", body, c.who(form))
    except HallError as e:
        refusal = f.refusal(request, e, "hall", body["version"])
        return await c.page(request, form.session, "config_hall.html", refusal.status,
                            values={**hall_form({}, 0), **fields}, refusal=refusal)
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
                           status_of(e), kinds=DEVICE_KINDS, error=e.message)
    return await c.page(request, form.session, "config_devices.html", kinds=DEVICE_KINDS,
                       token=(made.model_extra or {}).get("token"), made=device_id)


@router.post("/config/devices/{device_id}/revoke")
async def revoke_device(request: Request, device_id: str, form: AdminForm) -> Response:
    hs: HallService = request.app.state.service
    try:
        await hs.submit(c.live(request).delete, "devices", device_id, None,
                        c.who(form))
    except HallError as e:
        return await c.page(request, form.session, "config_devices.html",
                           status_of(e), kinds=DEVICE_KINDS, error=e.message)
    return RedirectResponse("/console/config/devices?done=revoked", 303)
