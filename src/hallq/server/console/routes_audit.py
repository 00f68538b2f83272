"""``/console/audit``: the audit log (every change of the configuration, every log-in at the
pads and in the console, every console action) over a period of days, filtered by who and by
what; the same lines as ``GET /api/audit``. Admins only: it shows what the configuration was."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from hallq.server.console import texts
from hallq.server.console.pages import render
from hallq.server.console.session import Admin
from hallq.server.service.hall_service import HallService
from hallq.server.service.live_config import LiveConfig

router = APIRouter(prefix="/console", include_in_schema=False)
SHOWN = 500  # the newest lines shown; the filters narrow them
LONGEST = timedelta(days=366)

texts.add({
    "zh": {"au.title": "审计日志", "au.from": "从", "au.to": "到", "au.who": "操作人",
           "au.what": "操作", "au.show": "查询", "au.at": "时间", "au.target": "对象",
           "au.change": "变更", "au.none": "这段时间没有符合条件的记录",
           "au.more": "仅显示最新的 {shown} 条，共 {total} 条；请缩小范围",
           "au.bad_period": "日期有误：结束日期不能早于开始日期，且最长一年",
           "au.count": "{total} 条记录", "au.any": "全部"},
    "en": {"au.title": "Audit log", "au.from": "From", "au.to": "To", "au.who": "Who",
           "au.what": "Action", "au.show": "Show", "au.at": "When", "au.target": "What",
           "au.change": "Change", "au.none": "Nothing matches in this period",
           "au.more": "Showing the newest {shown} of {total}; narrow the filters",
           "au.bad_period": "Check the dates: the end is not before the start, at most a year",
           "au.count": "{total} lines", "au.any": "any"},
})


def _day(text: str | None, default: date) -> date | None:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _brief(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)[:400]


def _lines(hs: HallService, live: LiveConfig, first: date, last: date, who: str,
           what: str) -> tuple[list[dict[str, Any]], int]:
    """The newest ``SHOWN`` matching lines, formatted, and how many match in all."""
    since = datetime.combine(first, time(0), hs.tz)
    until = datetime.combine(last + timedelta(days=1), time(0), hs.tz)
    matching = [line for line in reversed(live.audit(since, until))  # the newest first
                if (not who or who.casefold() in str(line["who"]).casefold())
                and (not what or what.casefold() in str(line["action"]).casefold())]
    return [{"at": hs.local(line["at"]).strftime("%Y-%m-%d %H:%M:%S"),
             "who": line["who"], "action": line["action"], "target": line["target"],
             "before": _brief(line["before"]), "after": _brief(line["after"])}
            for line in matching[:SHOWN]], len(matching)


@router.get("/audit")
async def audit_page(request: Request, session: Admin) -> Response:
    hs: HallService = request.app.state.service
    q = request.query_params
    today = hs.day()
    first, last = _day(q.get("from"), today - timedelta(days=6)), _day(q.get("to"), today)
    who, what = q.get("who", "").strip()[:60], q.get("what", "").strip()[:60]
    bad = first is None or last is None or last < first or last - first > LONGEST
    lines: list[dict[str, Any]] = []
    total = 0
    if first is not None and last is not None and not bad:
        lines, total = await run_in_threadpool(_lines, hs, request.app.state.live, first, last,
                                               who, what)
    return render(request, "audit.html", session, "audit", lines=lines, total=total,
                  shown=SHOWN, bad=bad,
                  first=q.get("from") or str(first), last=q.get("to") or str(last), who=who,
                  what=what)
