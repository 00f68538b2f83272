"""``hallq report --from/--to``: the period report's tables on screen, as CSV or XLSX."""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date
from typing import Any

RATES = ("限时办结率", "满意率")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=date.fromisoformat, default=None,
                        help="first day of a period, YYYY-MM-DD (with --to: any range)")
    parser.add_argument("--to", dest="end", type=date.fromisoformat, default=None,
                        help="last day of the period, included (default: the --from day)")
    parser.add_argument("--xlsx", default=None,
                        help="with --from: also write the period's tables as an XLSX workbook")


def _cell(value: object, rate: bool) -> str:
    if value is None or value == "":
        return "-"
    if rate and isinstance(value, float):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def _width(cell: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def format_period(report: dict[str, Any], hall: str) -> str:
    from hallq.server.service.report_export import tables

    lines = [f"{hall} — report {report['from']} – {report['to']} ({report['days']} days)"]
    for title, heads, rows in tables(report):
        if not rows:
            continue
        table = [heads] + [[_cell(v, h in RATES) for v, h in zip(row, heads, strict=True)]
                           for row in rows]
        widths = [max(_width(r[i]) for r in table) for i in range(len(heads))]
        lines += ["", f"[{title}]"]
        lines += ["  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True))
                  .rstrip() for r in table]
    lines += ["", f"服务之星 {report['ranking_formula']}"]
    return "\n".join(lines)
