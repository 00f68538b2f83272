"""``GET /api/reports``: figures over any period, as JSON, CSV or an XLSX workbook."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import ERRORS
from hallq.server.api.models import IsoDay
from hallq.server.api.routes_tickets import Hall
from hallq.server.domain.periods import Period
from hallq.server.service import report_days, report_export, reports
from hallq.server.service.hall_service import HallService

log = logging.getLogger("hallq.server.reports")
router = APIRouter(prefix="/api", responses=ERRORS)
Auth = Annotated[Caller, Depends(authenticate)]
DOWNLOADS: dict[int | str, dict[str, Any]] = {200: {
    "content": {"text/csv": {"schema": {"type": "string"}},
                report_export.XLSX: {"schema": {"type": "string", "format": "binary"}}},
    "description": "the report; a CSV (UTF-8 with BOM) or XLSX file with format"}}


@router.get("/reports", tags=["reports"], response_model=contract.PeriodReport,
            responses=DOWNLOADS)
def period_report(hs: Hall, caller: Auth,
                  start: Annotated[IsoDay, Query(alias="from")],
                  end: Annotated[IsoDay | None, Query(alias="to")] = None,
                  format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json") -> Any:
    """Figures from ``from`` to ``to`` (both included; ``to`` defaults to ``from``) by
    service, window, clerk, day and hour of day, and the clerks' ranking (服务之星)."""
    caller.require(caller.kind == "admin", "read reports")
    span = Period.between(start, end or start)
    report = reports.period(hs, span)
    if format == "json":
        return report
    body, media_type, name = report_export.download(report, span, format, hs.hall.name)
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def summaries_in_background(service: HallService, after_s: float,
                                  between_s: float = 0.2) -> None:
    """``after_s`` seconds after the server starts, make the per-day summaries that closed
    days lack (a database from before them: a year took minutes on the first report), a
    week at a time off the event loop, until none is missing."""
    await asyncio.sleep(after_s)
    try:
        while await run_in_threadpool(report_days.backfill_step, service):
            await asyncio.sleep(between_s)
    except Exception:  # the first report over those days makes them instead
        log.exception("making the report summaries in the background")
