"""The daily report (issue figures, per window, per clerk, 满意率) and its CSV form; the report
over any period (the database adds up, the domain turns sums into figures)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING, Any

from hallq import contract
from hallq.server.domain import report_period as rp
from hallq.server.domain.periods import Period
from hallq.server.domain.report import daily_report
from hallq.server.service import report_days
from hallq.server.storage.report_queries import day_facts

if TYPE_CHECKING:
    from hallq.server.service.hall_service import HallService


def daily(hs: HallService, day: date) -> dict[str, Any]:
    tickets, ratings, pauses = day_facts(hs.store.engine, day, hs.clock())
    report = daily_report(day.isoformat(), tickets, ratings, pauses)
    _name(hs, {group: report[group] for group in ("by_service", "by_window", "by_clerk")})
    return report


def period(hs: HallService, span: Period) -> dict[str, Any]:
    """Figures over ``span`` by service, window, clerk, day and hour, and the clerks' ranking
    (closed days from their per-day summary, today from the raw rows: report_days)."""
    groups, reasons, follow_ups = report_days.sums(hs, report_days.ask_for(hs, span.start,
                                                                            span.end))
    hall = rp.figures(groups["hall"].get("", rp.Sums()))
    tables = {f"by_{dim}": rp.table(groups[dim]) for dim in rp.DIMENSIONS}
    for day in span.each_day():  # the trend shows quiet days as zeros
        tables["by_day"].setdefault(day.isoformat(), rp.figures(rp.Sums()))
    tables["by_day"] = dict(sorted(tables["by_day"].items()))
    _name(hs, tables)
    bad = {s: follow_ups.get(s, 0) for s in rp.FOLLOW_UPS}
    return {
        "date": span.start.isoformat(), "from": span.start.isoformat(),
        "to": span.end.isoformat(), "days": span.days, "kind": span.kind, **hall,
        "bad_ratings": bad, "pauses_by_reason": {k: round(v) for k, v in sorted(reasons.items())},
        **tables, "clerk_ranking": rp.rank_clerks(tables["by_clerk"]),
        "ranking_formula": rp.RANKING_FORMULA, "ranking_formula_en": rp.RANKING_FORMULA_EN,
        "targets_s": {s.code: s.target_s for s in hs.hall.services},
    }


def _name(hs: HallService, tables: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Each row's names (Chinese, English) by its key; the key itself for a thing removed from
    the configuration since."""
    names = {"by_clerk": {c.id: (c.name, "") for c in hs.hall.clerks},
             "by_service": {s.code: (s.name, s.name_en or "") for s in hs.hall.services},
             "by_window": {w.id: (w.name, w.name_en or "") for w in hs.hall.windows}}
    for group, figures in tables.items():
        named = names.get(group, {})
        for key, row in figures.items():
            row["name"], row["name_en"] = named.get(key, (key, ""))


def _desk(figures: dict[str, Any] | None) -> contract.DeskFigures | None:
    return None if figures is None else contract.DeskFigures.model_validate(figures)


def window_today(hs: HallService, window_id: str) -> contract.WindowToday:
    """What the caller pad shows: this window's and its clerk's figures for today."""
    report = daily(hs, hs.day())
    clerk = hs.state.window(window_id).clerk
    config = hs.hall.window(window_id)
    served_here = config.services if config else ()
    return contract.WindowToday(
        date=report["date"], window=_desk(report["by_window"].get(window_id)),
        clerk=_desk(report["by_clerk"].get(clerk)) if clerk else None,
        waiting={s: n for s, n in hs.state.waiting_counts().items() if s in served_here})

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
