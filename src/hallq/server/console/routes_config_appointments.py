"""The appointments page (``/console/config/appointments``): upload the CSV file that
``hallq appointments FILE`` takes (the same reader and the same rule: a file with any bad line
imports nothing, and every bad line is named), and the appointments of a day: service, slot,
code and whether the citizen has checked in, the citizen's number only masked (5.6.2)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.api.errors import status_of
from hallq.server.console import config_common as c
from hallq.server.console import session as s
from hallq.server.console import texts
from hallq.server.domain.errors import HallError, Invalid
from hallq.server.service.accounts import Session
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
MAX_CSV = 2 * 1024 * 1024  # some 30 000 appointments
CsvForm = Annotated[s.Form, Depends(s.require_form("admin", upload=MAX_CSV))]
LINE = re.compile(r"(?:^\s*|: )line (\d+): (.*)$", re.MULTILINE)  # the importer's "line 3: why"

texts.add({
    "zh": {"appointments.title": "预约", "appointments.upload": "导入预约文件（CSV）",
           "appointments.hint": "表头：code,service,slot_start,slot_end[,citizen_id]；UTF-8 或 "
                                "GBK（Excel/WPS 另存为 CSV 即可）；"
                                "有任何一行出错则整个文件都不导入",
           "appointments.import": "导入", "appointments.imported": "已导入 {n} 个预约",
           "appointments.day": "日期", "appointments.show": "查看",
           "appointments.none": "这一天没有预约", "appointments.service": "事项",
           "appointments.slot": "时段", "appointments.code": "预约码",
           "appointments.citizen": "证件/手机（脱敏）", "appointments.status": "状态",
           "appointments.count": "共 {n} 个，已签到取号 {checked} 个",
           "appointments.booked": "未签到", "appointments.checked_in": "已签到取号",
           "appointments.forfeited": "逾期作废", "appointments.cancelled": "已取消",
           "error.bad_file": "文件有错，一个预约都没有导入。请改正以下各行后重新导入",
           "appointments.line": "第 {n} 行："},
    "en": {"appointments.title": "Appointments", "appointments.upload": "Import a CSV file",
           "appointments.hint": "Header: code,service,slot_start,slot_end[,citizen_id]; UTF-8 "
                                "or GBK (Excel/WPS: save as CSV); a file with any bad line "
                                "imports nothing",
           "appointments.import": "Import", "appointments.imported": "{n} appointments imported",
           "appointments.day": "Day", "appointments.show": "Show",
           "appointments.none": "No appointments that day",
           "appointments.service": "Service", "appointments.slot": "Slot",
           "appointments.code": "Code", "appointments.citizen": "ID/phone (masked)",
           "appointments.status": "State", "appointments.count": "{n} in all, {checked} checked in",
           "appointments.booked": "not yet", "appointments.checked_in": "checked in",
           "appointments.forfeited": "forfeited (late)", "appointments.cancelled": "cancelled",
           "error.bad_file": "The file has errors: nothing was imported. Correct these lines "
                             "and import it again", "appointments.line": "line {n}: "},
})


def day_of(request: Request, hs: HallService) -> date:
    try:
        return date.fromisoformat(request.query_params.get("date", ""))
    except ValueError:
        return hs.day()


async def listing(request: Request, session: Session, status: int = 200,
                  **values: object) -> Response:
    hs: HallService = request.app.state.service
    day = day_of(request, hs)
    found = await run_in_threadpool(hs.appointments_on, day)
    checked = sum(1 for a in found if a.status == "checked_in")
    return await c.page(request, session, "config_appointments.html", status, day=day,
                        appointments=found, checked=checked,
                        imported=request.query_params.get("n", ""), **values)


@router.get("/config/appointments")
async def appointments_page(request: Request, session: c.Viewer) -> Response:
    return await listing(request, session)


@router.post("/config/appointments")
async def import_file(request: Request, form: CsvForm) -> Response:
    hs: HallService = request.app.state.service
    name, data = form.files.get("file", ("", b""))
    try:
        if not data:
            raise Invalid("file: choose a CSV file", field="file")
        if len(data) > MAX_CSV:
            raise Invalid(f"file: larger than {MAX_CSV // (1024 * 1024)} MB", field="file",
                          code="too_large")
        count = await hs.submit(hs.import_appointments, Path(Path(name).name or "upload.csv"),
                                data)
    except HallError as e:
        lines = [(int(n), why) for n, why in LINE.findall(e.message)]
        return await listing(request, form.session, status_of(e), error=e.message,
                             error_code="bad_file" if lines else e.code, error_lines=lines)
    day = form.fields.get("date", "")
    back = f"&date={day}" if day else ""
    return RedirectResponse(f"/console/config/appointments?done=imported&n={count}{back}", 303)
