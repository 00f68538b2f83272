"""The reports page, ``/console/reports``: a period's figures, charts, the clerks' ranking
(服务之星) and its downloads; ``/console/reports.json`` is its JSON twin (the API's figures)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from hallq.server.console import report_texts  # noqa: F401  (the page's words)
from hallq.server.console.pages import HEADERS, render
from hallq.server.console.session import Viewer
from hallq.server.domain.errors import Invalid
from hallq.server.domain.periods import Period
from hallq.server.service import report_export, reports
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)


def _day(text: str | None, fallback: date) -> date:
    try:
        return date.fromisoformat(text) if text else fallback
    except ValueError:
        return fallback


def period_of(request: Request) -> tuple[Period, str]:
    """The period the picker asks for (a day, week or month around ``date``, or from–to);
    what cannot be read falls back to this month, with the reason."""
    hs: HallService = request.app.state.service
    q, today = request.query_params, hs.day()
    kind = q.get("period", "month")
    try:
        if kind == "custom" or (q.get("from") and kind not in ("day", "week", "month")):
            start = _day(q.get("from"), today)
            return Period.between(start, _day(q.get("to"), start)), ""
        return Period.of(kind, _day(q.get("date"), today)), ""
    except Invalid as exc:
        return Period.of("month", today), exc.message


def charts(report: dict[str, Any]) -> dict[str, Any]:
    """What the page's charts draw (minutes for waits)."""
    def mins(v: float | None) -> float | None:
        return None if v is None else round(v / 60, 1)
    return {
        "hours": list(report["by_hour"]),
        "hour_issued": [f["issued"] for f in report["by_hour"].values()],
        "hour_wait": [mins(f["avg_wait_s"]) for f in report["by_hour"].values()],
        "days": list(report["by_day"]),
        "day_issued": [f["issued"] for f in report["by_day"].values()],
        "day_served": [f["served"] for f in report["by_day"].values()],
        "day_wait": [mins(f["avg_wait_s"]) for f in report["by_day"].values()],
        "ratings": [report["ratings"][str(n)] for n in (5, 4, 3, 2, 1)],
    }


@router.get("/reports")
async def reports_page(request: Request, session: Viewer) -> Response:
    span, problem = period_of(request)
    report = await run_in_threadpool(reports.period, request.app.state.service, span)
    return render(request, "reports.html", session, "reports", r=report, span=span,
                  problem=problem, chart=charts(report))


@router.get("/reports.json")
async def reports_json(request: Request, session: Viewer) -> dict[str, Any]:
    span, _ = period_of(request)
    report: dict[str, Any] = await run_in_threadpool(reports.period,
                                                     request.app.state.service, span)
    return report


@router.get("/reports/export")
async def export(request: Request, session: Viewer) -> Response:
    span, _ = period_of(request)
    hs: HallService = request.app.state.service
    report = await run_in_threadpool(reports.period, hs, span)
    kind = "xlsx" if request.query_params.get("format") == "xlsx" else "csv"
    body, media_type, name = await run_in_threadpool(report_export.download, report, span,
                                                     kind, hs.hall.name)
    return Response(body, media_type=media_type,
                    headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})
