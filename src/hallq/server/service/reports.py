"""The daily report (issue figures, per window, per clerk, 满意率) and its CSV form."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING, Any

from hallq.server.domain.report import daily_report
from hallq.server.storage.report_queries import day_facts

if TYPE_CHECKING:
    from hallq.server.service.hall_service import HallService


def daily(hs: HallService, day: date) -> dict[str, Any]:
    tickets, ratings, pauses = day_facts(hs.store.engine, day, hs.clock())
    report = daily_report(day.isoformat(), tickets, ratings, pauses)
    names = {"by_clerk": {c.id: c.name for c in hs.hall.clerks},
             "by_service": {s.code: s.name for s in hs.hall.services},
             "by_window": {w.id: w.name for w in hs.hall.windows}}
    for group, named in names.items():
        for key, figures in report[group].items():
            figures["name"] = named.get(key, key)  # a thing removed from the config since
    return report


def window_today(hs: HallService, window_id: str) -> dict[str, Any]:
    """What the caller pad shows: this window's and its clerk's figures for today."""
    report = daily(hs, hs.day())
    clerk = hs.state.window(window_id).clerk
    config = hs.hall.window(window_id)
    served_here = config.services if config else ()
    return {"date": report["date"], "window": report["by_window"].get(window_id),
            "clerk": report["by_clerk"].get(clerk) if clerk else None,
            "waiting": {s: n for s, n in hs.state.waiting_counts().items() if s in served_here}}

COLUMNS = ("group", "key", "name", "issued", "served", "missed", "avg_wait_s",
           "avg_service_s", "rated", "satisfaction_rate", "paused_s")


def as_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"group": "hall", "key": report["date"], **report}]
    for group in ("by_service", "by_window", "by_clerk"):
        rows += [{"group": group.removeprefix("by_"), "key": key, **figures}
                 for key, figures in report[group].items()]
    return [{c: row.get(c, "") if row.get(c) is not None else "" for c in COLUMNS}
            for row in rows]


def as_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(as_rows(report))
    return out.getvalue()
