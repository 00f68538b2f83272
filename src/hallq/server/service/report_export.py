"""The period report as files a hall opens in Excel or WPS: CSV (UTF-8 with a BOM, so Excel
reads the Chinese) and an XLSX workbook with one sheet per table. Chinese headers."""

from __future__ import annotations

import csv
import io
from typing import Any

from hallq.server.domain.periods import Period
from hallq.server.domain.rating import LEVELS

# (key of a figures row, header): the columns of every table by service/window/clerk/day/hour
COLUMNS: tuple[tuple[str, str], ...] = (
    ("issued", "取号"), ("served", "办结"), ("missed", "过号"), ("cancelled", "取消"),
    ("avg_wait_s", "平均等候(秒)"), ("p90_wait_s", "90%等候(秒)"),
    ("avg_service_s", "平均办理(秒)"), ("within_target", "限时内办结"),
    ("target_rate", "限时办结率"), ("rated", "评价数"),
    *((f"r{n}", LEVELS[n]) for n in (5, 4, 3, 2, 1)),
    ("satisfaction_rate", "满意率"), ("paused_s", "暂停(秒)"),
)
TABLES = (("by_service", "按事项", "事项"), ("by_window", "按窗口", "窗口"),
          ("by_clerk", "按人员", "人员"), ("by_day", "按日", "日期"),
          ("by_hour", "按时段", "时段"))
RANKING = (("rank", "名次"), ("clerk", "工号"), ("name", "姓名"), ("served", "办结"),
           ("satisfaction_rate", "满意率"), ("target_rate", "限时办结率"), ("score", "得分"))
FOLLOW_UPS = {"open": "待处理", "contacted": "已回访", "resolved": "已办结", "overdue": "已逾期"}


def _row(figures: dict[str, Any]) -> list[Any]:
    flat = {**figures, **{f"r{n}": figures["ratings"][str(n)] for n in range(1, 6)}}
    return [flat[key] for key, _ in COLUMNS]


def tables(report: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """Every table of the report: (title, headers, rows). The same for CSV and XLSX."""
    period = f"{report['from']} 至 {report['to']}"
    heads = [h for _, h in COLUMNS]
    out = [("总览", ["期间", *heads], [[period, *_row(report)]])]
    for key, title, what in TABLES:
        rows = [[k if key != "by_hour" else f"{k}:00", f.get("name", k), *_row(f)]
                for k, f in report[key].items()]
        if key in ("by_day", "by_hour"):
            rows = [[r[0], *r[2:]] for r in rows]
            out.append((title, [what, *heads], rows))
        else:
            out.append((title, ["编号", what, *heads], rows))
    out.append(("服务之星", [h for _, h in RANKING],
                [[r[k] for k, _ in RANKING] for r in report["clerk_ranking"]]))
    out.append(("暂停原因", ["原因", "暂停(秒)"],
                [[k, v] for k, v in report["pauses_by_reason"].items()]))
    out.append(("差评跟进", ["状态", "件数"],
                [[FOLLOW_UPS.get(k, k), v] for k, v in report["bad_ratings"].items()]))
    return out


def as_csv(report: dict[str, Any]) -> str:
    """All tables one after another, each under its title; starts with a BOM for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for i, (title, heads, rows) in enumerate(tables(report)):
        if i:
            writer.writerow([])
        writer.writerow([title])
        writer.writerow(heads)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    writer.writerow([])
    writer.writerow(["得分公式", report["ranking_formula"]])
    return "\ufeff" + out.getvalue()


def as_xlsx(report: dict[str, Any], hall: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active) if book.active else None
    for title, heads, rows in tables(report):
        sheet = book.create_sheet(title)
        sheet.append([f"{hall} {title} {report['from']} 至 {report['to']}"])
        sheet.append(heads)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        rate_cols = [i for i, h in enumerate(heads, 1) if h in ("限时办结率", "满意率")]
        for row in rows:
            sheet.append(row)
            for col in rate_cols:
                sheet.cell(sheet.max_row, col).number_format = "0.0%"
        sheet.freeze_panes = "A3"
        for i, head in enumerate(heads, 1):
            letter = sheet.cell(2, i).column_letter
            sheet.column_dimensions[letter].width = max(10, 2 * len(head) + 2)
        if title == "服务之星":
            sheet.append([])
            sheet.append(["得分公式", report["ranking_formula"]])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(report: dict[str, Any], span: Period, kind: str, hall: str
             ) -> tuple[bytes | str, str, str]:
    """The report as a file to download (``kind`` csv or xlsx): its body, media type and name
    (``GET /api/reports?format=`` and the console's export buttons give the same file)."""
    name = f"hallq-report-{span.start.isoformat()}_{span.end.isoformat()}.{kind}"
    if kind == "csv":
        return as_csv(report), "text/csv; charset=utf-8", name
    return as_xlsx(report, hall), XLSX, name
