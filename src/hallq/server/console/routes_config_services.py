"""The services' configuration pages (``/console/config/services``): the list, one service's
form (names, prefix, department, quota, times, hours and its guide, 一次性告知, in Chinese and
English), adding one (with the windows that serve it) and removing one.

Every change goes through the live configuration as ``config_common`` says."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import config_forms as f
from hallq.server.console import config_items as items
from hallq.server.console import texts
from hallq.server.service.accounts import Session

router = APIRouter(prefix="/console", include_in_schema=False)
TEXTS = ("name", "name_en", "prefix", "department", "department_en")
NUMBERS = ("daily_quota", "typical_minutes", "target_minutes", "weight")
GUIDE = ("time_limit", "legal_basis", "fee", "notes")
LIST = "/console/config/services"

texts.add({
    "zh": {"config.services": "业务", "svc.add": "添加业务", "svc.new": "新业务",
           "svc.edit": "修改业务", "svc.basic": "基本信息", "svc.times": "取号与时限",
           "svc.guide": "办事指南（一次性告知）", "svc.windows_new": "由哪些窗口办理（至少一个）",
           "svc.windows_at": "办理窗口（在“窗口”页修改）", "svc.remove": "删除此业务",
           "svc.remove_help": "有号在等候或正在办理时不能删除；删除后各窗口不再办理此业务。",
           "svc.hall_hours": "留空：按大厅开放时间", "svc.no_quota": "留空或0：不限",
           "cf.code": "业务编码", "cf.prefix": "号码前缀",
           "cf.department": "部门", "cf.department_en": "部门英文名",
           "cf.daily_quota": "每日限额（号）", "cf.typical_minutes": "通常办理时长（分钟）",
           "cf.target_minutes": "限时办结（分钟）", "cf.weight": "叫号权重",
           "cf.windows": "办理窗口", "cf.guide.materials": "所需材料",
           "cf.guide.time_limit": "办理时限", "cf.guide.legal_basis": "设定依据",
           "cf.guide.fee": "收费标准", "cf.guide.notes": "备注",
           "svc.code_help": "英文字母，保存后不能修改",
           "svc.prefix_help": "一至两个大写字母，如 A"},
    "en": {"config.services": "Services", "svc.add": "Add a service", "svc.new": "New service",
           "svc.edit": "Change service", "svc.basic": "Basics", "svc.times": "Tickets and times",
           "svc.guide": "Guide (一次性告知)", "svc.windows_new": "Served at (at least one window)",
           "svc.windows_at": "Served at (change on the Windows page)",
           "svc.remove": "Remove this service",
           "svc.remove_help": "Refused while its tickets wait or are being served; the windows "
                              "stop serving it.",
           "svc.hall_hours": "blank: the hall's hours", "svc.no_quota": "blank or 0: no limit",
           "cf.code": "Code", "cf.prefix": "Ticket prefix",
           "cf.department": "Department", "cf.department_en": "Department (English)",
           "cf.daily_quota": "Daily quota (tickets)", "cf.typical_minutes": "Usual time (min)",
           "cf.target_minutes": "Time limit at the window (min)",
           "cf.weight": "Calling weight", "cf.windows": "Windows",
           "cf.guide.materials": "Materials", "cf.guide.time_limit": "Time limit",
           "cf.guide.legal_basis": "Legal basis", "cf.guide.fee": "Fee",
           "cf.guide.notes": "Notes", "svc.code_help": "letters; fixed once saved",
           "svc.prefix_help": "one or two capital letters, like A"},
})
texts.add({  # the guide's English keys' names follow from the Chinese ones
    lang: {f"cf.guide.{k}_en": texts.TEXTS[lang][f"cf.guide.{k}"] + english
           for k in ("materials", *GUIDE)} for lang, english in (("zh", "（英文）"),
                                                                 ("en", " (English)"))})


def to_form(body: dict[str, Any]) -> dict[str, str]:
    values = {k: str(body[k]) for k in ("code", *TEXTS, *NUMBERS) if k in body}
    values["hours"] = "\n".join(body.get("hours") or [])
    guide = body.get("guide") or {}
    for key in ("materials", "materials_en"):
        values[f"guide.{key}"] = "\n".join(guide.get(key) or [])
    for key in (*GUIDE, *(f"{k}_en" for k in GUIDE)):
        values[f"guide.{key}"] = str(guide.get(key, ""))
    return values


def to_body(fields: dict[str, str], code: str, windows: list[str] | None) -> dict[str, Any]:
    """The service's TOML keys from the form (a blank box: the key left out, its default)."""
    body: dict[str, Any] = {"code": code, "version": f.version_of(fields)}
    for key in TEXTS:
        f.put_text(body, key, fields)
    body.update({k: f.number(fields[k]) for k in NUMBERS if fields.get(k, "").strip()})
    if f.lines(fields.get("hours", "")):
        body["hours"] = f.lines(fields.get("hours", ""))
    guide: dict[str, Any] = {k: f.lines(fields.get(f"guide.{k}", ""))
                             for k in ("materials", "materials_en")}
    guide.update({k: fields.get(f"guide.{k}", "").strip()
                  for k in (*GUIDE, *(f"{k}_en" for k in GUIDE))})
    if any(guide.values()):
        body["guide"] = {k: v for k, v in guide.items() if v or k == "materials"}
    if windows is not None:
        body["windows"] = windows
    return body


async def form_page(request: Request, session: Session, code: str | None,
                    values: dict[str, str], refusal: f.Refusal | None = None) -> Response:
    return await c.page(request, session, "config_service.html",
                        refusal.status if refusal else 200, code=code, values=values,
                        refusal=refusal)


@router.get("/config/services")
async def services_page(request: Request, session: c.Viewer) -> Response:
    return await c.page(request, session, "config_services.html")


@router.get("/config/services/new")
async def new_service(request: Request, session: c.Viewer) -> Response:
    return await form_page(request, session, None, {"version": "0"})


@router.get("/config/services/{code}")
async def service_page(request: Request, code: str, session: c.Viewer) -> Response:
    return await items.edit_page(request, session, "services", code, to_form, form_page, LIST)


async def save(request: Request, form: c.AdminForm, code: str, new: bool) -> Response:
    windows = [w.removeprefix("win.") for w in form.fields if w.startswith("win.")]
    body = to_body(form.fields, code, windows if new else None)
    return await items.save(request, form, "services", code, body, new, form_page, LIST,
                            {"services": "windows"} if new else None)


@router.post("/config/services")
async def add_service(request: Request, form: c.AdminForm) -> Response:
    return await save(request, form, form.fields.get("code", "").strip()[:40], True)


@router.post("/config/services/{code}")
async def change_service(request: Request, code: str, form: c.AdminForm) -> Response:
    return await save(request, form, code, False)


@router.post("/config/services/{code}/remove")
async def remove_service(request: Request, code: str, form: c.AdminForm) -> Response:
    return await items.remove(request, form, "services", code, to_form, form_page, LIST)
