"""The windows' configuration pages (``/console/config/windows``): the list, one window's form
(name, number, kind and the services it serves as checkboxes, 7.2.1: how a window moves to
other services), adding one and removing one.

Every change goes through the live configuration as ``config_common`` says: a window that no
longer serves a service stops calling its tickets at once; waiting tickets keep their numbers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import config_forms as f
from hallq.server.console import config_items as items
from hallq.server.console import texts
from hallq.server.service.accounts import Session
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
LIST = "/console/config/windows"
ALL = "svc.*"  # the checkbox "every service, also those added later" (services = "*")

texts.add({
    "zh": {"config.windows_page": "窗口", "win.add": "添加窗口", "win.new": "新窗口",
           "win.edit": "修改窗口", "win.basic": "基本信息", "win.services": "办理哪些业务（7.2.1）",
           "win.all": "全部业务（包括以后新增的业务）", "win.remove": "删除此窗口",
           "win.remove_help": "窗口有工作人员登录时不能删除，请先退出登录。",
           "win.kind.comprehensive": "无差别综合窗口", "win.kind.field": "分领域综合窗口",
           "win.kind.auto": "按业务自动", "win.kind.auto_short": "自动",
           "win.id_help": "设备和接口使用，保存后不能修改",
           "win.number_help": "语音播报“3号窗口”；留空：编号为数字时即用编号",
           "win.services_help": "取消勾选后，本窗口立即不再叫该业务的号；"
                                "已在等候的号保留原号码和顺序，由其他窗口办理。",
           "cf.id": "窗口编号", "cf.number": "播报号", "cf.kind": "窗口类型",
           "cf.services": "办理业务"},
    "en": {"config.windows_page": "Windows", "win.add": "Add a window", "win.new": "New window",
           "win.edit": "Change window", "win.basic": "Basics",
           "win.services": "Services it serves (7.2.1)",
           "win.all": "Every service (also those added later)", "win.remove": "Remove this window",
           "win.remove_help": "Refused while a clerk is logged in there: log out first.",
           "win.kind.comprehensive": "Comprehensive (无差别)",
           "win.kind.field": "By field (分领域)",
           "win.kind.auto": "From its services", "win.kind.auto_short": "auto",
           "win.id_help": "used by devices and the API; "
                                                               "fixed once saved",
           "win.number_help": "read out as \u201cwindow 3\u201d; blank: the id when it is a number",
           "win.services_help": "Unticked, the window stops calling that service's tickets at "
                                "once; tickets already waiting keep their numbers and order "
                                "for the other windows.",
           "cf.id": "Window id", "cf.number": "Number read out", "cf.kind": "Kind",
           "cf.services": "Services"},
})


def to_form(body: dict[str, Any]) -> dict[str, str]:
    values: dict[str, str] = {k: str(body[k]) for k in ("id", "name", "name_en", "kind", "number")
                              if k in body}
    services = body.get("services")
    if services == "*":
        values[ALL] = "on"
    else:
        values.update({f"svc.{code}": "on" for code in services or []})
    return values


def services_of(fields: dict[str, str], old: list[str], codes: list[str]) -> str | list[str]:
    """The ticked services: those kept in their order, then the new ones in the hall's."""
    if fields.get(ALL):
        return "*"
    ticked = {k.removeprefix("svc.") for k in fields if k.startswith("svc.")}
    return [x for x in old if x in ticked] + [x for x in codes if x in ticked and x not in old]


def to_body(request: Request, fields: dict[str, str], wid: str) -> dict[str, Any]:
    old = c.live(request).find("windows", wid)
    before = old.body.get("services") if old else None
    codes = [i.id for i in c.live(request).items if i.kind == "services"]
    body: dict[str, Any] = {"id": wid, "version": f.version_of(fields),
                            "services": services_of(fields, before if isinstance(
                                before, list) else [], codes)}
    for key in ("name", "name_en", "kind"):
        f.put_text(body, key, fields)
    if fields.get("number", "").strip():
        body["number"] = f.number(fields["number"])
    return body


async def form_page(request: Request, session: Session, wid: str | None,
                    values: dict[str, str], refusal: f.Refusal | None = None) -> Response:
    return await c.page(request, session, "config_window.html",
                        refusal.status if refusal else 200, wid=wid, values=values,
                        refusal=refusal, all_key=ALL)


@router.get("/config/windows")
async def windows_page(request: Request, session: c.Viewer) -> Response:
    hs: HallService = request.app.state.service  # a window's kind when the loader chose it
    return await c.page(request, session, "config_windows.html",
                        kinds={w.id: w.kind for w in hs.hall.windows})


@router.get("/config/windows/new")
async def new_window(request: Request, session: c.Viewer) -> Response:
    return await form_page(request, session, None, {"version": "0"})


@router.get("/config/windows/{wid}")
async def window_page(request: Request, wid: str, session: c.Viewer) -> Response:
    return await items.edit_page(request, session, "windows", wid, to_form, form_page, LIST)


async def save(request: Request, form: c.AdminForm, wid: str, new: bool) -> Response:
    body = to_body(request, form.fields, wid)
    return await items.save(request, form, "windows", wid, body, new, form_page, LIST)


@router.post("/config/windows")
async def add_window(request: Request, form: c.AdminForm) -> Response:
    return await save(request, form, form.fields.get("id", "").strip()[:40], True)


@router.post("/config/windows/{wid}")
async def change_window(request: Request, wid: str, form: c.AdminForm) -> Response:
    return await save(request, form, wid, False)


@router.post("/config/windows/{wid}/remove")
async def remove_window(request: Request, wid: str, form: c.AdminForm) -> Response:
    return await items.remove(request, form, "windows", wid, to_form, form_page, LIST)
