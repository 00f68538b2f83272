"""The clerks' configuration page (``/console/config/clerks``): the list; add a clerk (its first
PIN made by the server and shown once); change one (name, 工号, windows); disable or enable it
(a disabled clerk at a window is logged out at once); give it a new PIN (shown once; the clerk
changes it at the pad). The photo: ``routes_config_photos.py``.

Every change goes through the live configuration as ``config_common`` says; a refused one shows
the form again with what was typed and why, in the page's language first."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.api.errors import status_of
from hallq.server.console import config_common as c
from hallq.server.console import config_forms, texts
from hallq.server.console.pages import lang_of
from hallq.server.console.session import Form
from hallq.server.domain.errors import HallError, NotFound
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
PIN_DIGITS = 6
ALIASES = {"id": "clerk_id", "name": "clerk_name", "windows": "clerk_windows"}  # their labels
OWN_WORDS = ("too_large", "not_an_image")  # an upload's refusals, in this page's own words

texts.add({
    "zh": {"clerks.title": "工作人员", "clerks.id": "登录编号", "clerks.name": "姓名",
           "clerks.job": "工号", "clerks.windows": "可登录窗口", "clerks.any": "任意窗口",
           "clerks.windows_hint": "都不勾选：任意窗口", "clerks.state": "状态",
           "clerks.active": "在岗", "clerks.disabled": "已停用", "clerks.photo": "照片",
           "clerks.no_photo": "未上传", "clerks.photo_file": "评价器本机文件",
           "clerks.add": "添加工作人员", "clerks.edit": "修改", "clerks.save": "保存修改",
           "clerks.disable": "停用", "clerks.enable": "启用", "clerks.reset_pin": "重置密码",
           "clerks.pin_once": "{name}（{id}）的初始密码只显示这一次，请当面告知本人，"
                              "本人登录呼叫器后可自行修改：",
           "clerks.saved": "已保存，已通知各终端", "clerks.added": "已添加",
           "clerks.now_disabled": "已停用：如在窗口登录，已立即退出",
           "clerks.now_enabled": "已启用", "clerks.back": "返回列表",
           "error.too_large": "未保存：文件太大",
           "error.not_an_image": "未保存：不是可读取的 JPEG 或 PNG 图片",
           "cf.clerk_id": "登录编号", "cf.clerk_name": "姓名", "cf.job_number": "工号",
           "cf.clerk_windows": "可登录窗口", "cf.pin": "密码", "cf.photo": "照片"},
    "en": {"clerks.title": "Clerks", "clerks.id": "Log-in id", "clerks.name": "Name",
           "clerks.job": "Job number (工号)", "clerks.windows": "May log in at",
           "clerks.any": "any window", "clerks.windows_hint": "none ticked: any window",
           "clerks.state": "State", "clerks.active": "active", "clerks.disabled": "disabled",
           "clerks.photo": "Photo", "clerks.no_photo": "none uploaded",
           "clerks.photo_file": "a file on the rating pad", "clerks.add": "Add clerk",
           "clerks.edit": "Change",
           "clerks.save": "Save changes", "clerks.disable": "Disable",
           "clerks.enable": "Enable", "clerks.reset_pin": "Reset PIN",
           "clerks.pin_once": "The PIN of {name} ({id}), shown this once: tell the clerk in "
                              "person; the clerk changes it at the caller pad:",
           "clerks.saved": "Saved; every terminal was told", "clerks.added": "Added",
           "clerks.now_disabled": "Disabled: logged out of any window at once",
           "clerks.now_enabled": "Enabled", "clerks.back": "Back to the list",
           "error.too_large": "Not saved: the file is too large",
           "error.not_an_image": "Not saved: not a JPEG or PNG picture that can be read",
           "cf.clerk_id": "Log-in id", "cf.clerk_name": "Name", "cf.job_number": "Job number",
           "cf.clerk_windows": "May log in at", "cf.pin": "PIN", "cf.photo": "Photo"},
})


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def chosen_windows(request: Request, form: Form) -> list[str]:
    """The ticked windows (checkboxes ``window-<id>``), in the hall's order."""
    return [i.id for i in c.live(request).items
            if i.kind == "windows" and form.fields.get(f"window-{i.id}")]


def typed(request: Request, form: Form) -> dict[str, Any]:
    """What the clerk form sets: the name, the windows and the 工号 (left out when blank)."""
    job_number = form.fields.get("job_number", "").strip()
    return {"name": form.fields.get("name", "").strip(), "windows": chosen_windows(request, form),
            **({"job_number": job_number} if job_number else {})}


def version_of(form: Form) -> int | None:
    return config_forms.version_of(form.fields)


def kept_body(request: Request, clerk_id: str) -> dict[str, Any]:
    """The clerk's stored keys but its PIN's hash (a PUT without ``pin`` keeps the PIN)."""
    old = c.live(request).find("clerks", clerk_id)
    return {k: v for k, v in old.body.items() if k != "pin_hash"} if old else {}


async def refused(request: Request, form: Form, e: HallError, template: str,
                  clerk_id: str = "", **values: Any) -> Response:
    """The form again with what was typed, the refusal's headline in the page's language
    (``config_forms.refusal``, as on the other configuration pages) and the rule's words."""
    target = f"clerks/{clerk_id or form.fields.get('id', '').strip() or '-'}"
    said = config_forms.refusal(request, e, target, version_of(form), ALIASES,
                                new=not clerk_id)
    headline = texts.Texts(lang_of(request))(f"error.{e.code}") if e.code in OWN_WORDS \
        else said.headline
    return await c.page(request, form.session, template, status_of(e), error=e.message,
                        headline=headline, kept=form.fields,
                        **({"clerk_id": clerk_id} if clerk_id else {}), **values)


@router.get("/config/clerks")
async def clerks_page(request: Request, session: c.Viewer) -> Response:
    return await c.page(request, session, "config_clerks.html")


@router.get("/config/clerks/{clerk_id}")
async def one_clerk(request: Request, clerk_id: str, session: c.Viewer) -> Response:
    status = 200 if c.live(request).find("clerks", clerk_id) else 404
    return await c.page(request, session, "config_clerk.html", status, clerk_id=clerk_id)


@router.post("/config/clerks")
async def add_clerk(request: Request, form: c.AdminForm) -> Response:
    hs: HallService = request.app.state.service
    clerk_id, pin = form.fields.get("id", "").strip()[:40], new_pin()
    body = {**typed(request, form), "pin": pin, "version": 0}
    try:
        await hs.submit(c.live(request).put, "clerks", clerk_id or "-", body, c.who(form))
    except HallError as e:
        return await refused(request, form, e, "config_clerks.html")
    return await c.page(request, form.session, "config_clerks.html", pin=pin,
                        made={"id": clerk_id, "name": body["name"]})


@router.post("/config/clerks/{clerk_id}")
async def change_clerk(request: Request, clerk_id: str, form: c.AdminForm) -> Response:
    kept = {k: v for k, v in kept_body(request, clerk_id).items() if k != "job_number"}
    return await put(request, clerk_id, form, {**kept, **typed(request, form)}, "saved")


@router.post("/config/clerks/{clerk_id}/disable")
async def disable_clerk(request: Request, clerk_id: str, form: c.AdminForm) -> Response:
    return await put(request, clerk_id, form,
                     {**kept_body(request, clerk_id), "disabled": True}, "now_disabled")


@router.post("/config/clerks/{clerk_id}/enable")
async def enable_clerk(request: Request, clerk_id: str, form: c.AdminForm) -> Response:
    body = {k: v for k, v in kept_body(request, clerk_id).items() if k != "disabled"}
    return await put(request, clerk_id, form, body, "now_enabled")


@router.post("/config/clerks/{clerk_id}/pin")
async def reset_pin(request: Request, clerk_id: str, form: c.AdminForm) -> Response:
    pin = new_pin()
    return await put(request, clerk_id, form, {**kept_body(request, clerk_id), "pin": pin}, "",
                     pin=pin)


async def put(request: Request, clerk_id: str, form: Form, body: dict[str, Any], done: str,
              **shown: Any) -> Response:
    """The clerk's change; then its page (``shown``: a new PIN) or back there with ``done``."""
    hs: HallService = request.app.state.service
    version = version_of(form)
    try:
        if c.live(request).find("clerks", clerk_id) is None:  # a change never adds one
            raise NotFound(f"no clerk {clerk_id!r} in the configuration", code="not_found")
        made = await hs.submit(c.live(request).put, "clerks", clerk_id,
                               {**body, **({"version": version} if version is not None else {})},
                               c.who(form))
    except HallError as e:
        return await refused(request, form, e, "config_clerk.html", clerk_id=clerk_id)
    if shown:
        return await c.page(request, form.session, "config_clerk.html", clerk_id=clerk_id,
                            made=made, **shown)
    return RedirectResponse(f"/console/config/clerks/{clerk_id}?done={done}", 303)
