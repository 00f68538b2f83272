"""``hallq report``: the daily report as a table, or CSV; ``--from/--to`` any period."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from hallq.common import paths
from hallq.server import cli_report_period

HELP = ("print the daily report of a day, or with --from/--to of any period (waits, service "
        "times, ratings, per window, clerk, day and hour)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=date.fromisoformat, default=None,
                        help="YYYY-MM-DD (default: today in the hall's time zone)")
    paths.add_config(parser)
    parser.add_argument("--db", default=None,
                        help="SQLAlchemy URL (as for hallq server; default: the server's "
                             "default database, which must exist)")
    parser.add_argument("--csv", type=Path, default=None, help="also write the report as CSV")
    cli_report_period.configure(parser)


def run(args: argparse.Namespace) -> int:
    from hallq.common.tomlreader import ConfigError
    from hallq.server.bootstrap import build
    from hallq.server.service import reports
    from hallq.server.storage.engine import DatabaseError

    span = _span(args) if args.start or args.end else None
    if span is False:
        return 2  # the period is wrong: said before any database is opened
    url = reading(args.db, "report")
    if url is None:
        return 2
    try:
        server = build(args.config, url)
    except (ConfigError, DatabaseError) as exc:
        print(f"hallq report: {exc}", file=sys.stderr)
        return 2
    if span:
        return _period(server.service, span, args)
    report = reports.daily(server.service, args.date or server.service.day())
    print(format_table(report, server.service.hall.name))
    if args.csv:
        args.csv.write_text(reports.as_csv(report), encoding="utf-8-sig")
        print(f"written: {args.csv}")
    return 0


def _span(args: argparse.Namespace) -> Any:
    """The period --from/--to give, or False after saying what is wrong with it."""
    from hallq.server.domain.errors import Invalid
    from hallq.server.domain.periods import Period

    start = args.start or args.end
    try:
        return Period.between(start, args.end or start)
    except Invalid as exc:
        print(f"hallq report: --{exc.field}: {exc.message}", file=sys.stderr)
        return False


def _period(hs: Any, span: Any, args: argparse.Namespace) -> int:
    from hallq.server.service import report_export, reports

    report = reports.period(hs, span)
    print(cli_report_period.format_period(report, hs.hall.name))
    if args.csv:
        args.csv.write_text(report_export.as_csv(report), encoding="utf-8")  # with its BOM
        print(f"written: {args.csv}")
    if args.xlsx:
        Path(args.xlsx).write_bytes(report_export.as_xlsx(report, hs.hall.name))
        print(f"written: {args.xlsx}")
    return 0


def reading(db: str | None, command: str) -> str | None:
    """The database URL a reading command reads, said on stderr; None (after saying why) when
    it is an SQLite file that does not exist: reading never creates a database."""
    from hallq.common.dbfile import DatabaseFileError, sqlite_path
    from hallq.server.bootstrap import default_db_url

    url = db or default_db_url()
    shown = url.split("@")[-1]  # never a password
    try:
        file = sqlite_path(url)
    except DatabaseFileError:
        file = None
    if file is not None and not file.expanduser().is_file():
        given = "--db" if db else "the default database (no --db given)"
        print(f"hallq {command}: {given} {file} does not exist; nothing to read. Give the "
              "server's database with --db sqlite:///PATH/hall.db", file=sys.stderr)
        return None
    print(f"hallq {command}: reading {shown}" + ("" if db else " (default; no --db given)"),
          file=sys.stderr)
    return url


def _fmt(value: object) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:.1%}" if value <= 1 else f"{value:.0f}"
    return str(value)


def format_table(report: dict[str, Any], hall: str) -> str:
    from hallq.server.service.reports import COLUMNS, as_rows

    text = ("group", "key", "name")
    table = [list(COLUMNS)] + [[str(r[c]) if c in text else _fmt(r[c]) for c in COLUMNS]
                               for r in as_rows(report)]
    widths = [max(_width(row[i]) for row in table) for i in range(len(COLUMNS))]
    lines = [f"{hall} — daily report {report['date']}",
             f"ratings 1..5: {report['ratings']}  满意率: {_fmt(report['satisfaction_rate'])}"
             f"  bad ratings: {report['bad_ratings']}"]
    lines += ["  ".join(cell + " " * (w - _width(cell)) for cell, w in
                        zip(row, widths, strict=True)).rstrip() for row in table]
    return "\n".join(lines)


def _width(cell: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)
