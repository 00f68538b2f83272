"""Bench of the period report: a year of a busy hall in a real SQLite file, and in PostgreSQL
when ``HALLQ_TEST_PG_URL`` or ``--pg URL`` names one (its hallq tables are emptied first).

Fills the tables by bulk inserts (≈ 4,100 tickets a day over 365 days ≈ 1.5 M tickets, their
ratings and pauses, 20 windows and 24 clerks: bench/report_history.py), then times
``GET /api/reports`` for a month (≈ 120 k tickets) and for the year through the in-process API
(the route, the service, SQL): the first report over a period makes the per-day summaries of its
days (docs/reports.md), the next ones read them. Prints figures only; never asserts on time.
``--quick`` runs a small version.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.figures import figure
from bench.report_history import fill_postgres, fill_sqlite

ROOT = Path(__file__).resolve().parent.parent
ADMIN = "bench-admin-token-0001"


def time_report(url: str, start: date, end: date, repeat: int) -> tuple[float, float, int]:
    """(the first report's ms, the median of the next ``repeat``, tickets issued)."""
    from fastapi.testclient import TestClient

    from hallq.server.bootstrap import build

    server = build(ROOT / "config" / "hall.toml", url, admin_token=ADMIN)
    times, issued = [], 0
    with TestClient(server.app) as api:
        for _ in range(repeat + 1):
            started = time.perf_counter()
            answer = api.get("/api/reports", params={"from": start.isoformat(),
                                                     "to": end.isoformat()},
                             headers={"Authorization": f"Bearer {ADMIN}"})
            times.append((time.perf_counter() - started) * 1000)
            answer.raise_for_status()
            issued = answer.json()["issued"]
    server.service.store.engine.dispose()
    return times[0], statistics.median(times[1:]), issued


def measure(label: str, url: str, first: date, days: int) -> None:
    for name, end, repeat, goal in (("a month", date(2025, 1, 31), 5, "≤ 300 ms"),
                                    ("a year", first + timedelta(days=days - 1), 3,
                                     "≤ 1000 ms")):
        cold, warm, issued = time_report(url, first, end, repeat)
        size = f"{issued / 1000:.0f} k" if issued < 1e6 else f"{issued / 1e6:.2f} M"
        figure(f"first report over {name} on {label} ({size} tickets, making its summaries)",
               f"{cold:.0f} ms")
        figure(f"report over {name} ({size} tickets, {label}, median of {repeat})",
               f"{warm:.0f} ms", goal)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs (a smoke test)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep (or reuse) the filled SQLite database at this path")
    parser.add_argument("--pg", default=os.environ.get("HALLQ_TEST_PG_URL", ""),
                        help="a PostgreSQL URL to measure too (default: $HALLQ_TEST_PG_URL)")
    args = parser.parse_args()
    days, per_day = (40, 300) if args.quick else (365, 4110)
    first = date(2025, 1, 1)
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="hallq-bench-reports-"))
    db = args.keep or workdir / "year.db"
    try:
        if not db.exists():
            started = time.monotonic()
            total = fill_sqlite(db, first, days, per_day)
            print(f"history: {total} tickets over {days} days written in "
                  f"{time.monotonic() - started:.1f} s", flush=True)
        measure("SQLite", f"sqlite:///{db}", first, days)
        if args.pg:
            started = time.monotonic()
            total = fill_postgres(args.pg, first, days, per_day)
            print(f"history on PostgreSQL: {total} tickets written in "
                  f"{time.monotonic() - started:.1f} s", flush=True)
            measure("PostgreSQL", args.pg, first, days)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}", flush=True)


if __name__ == "__main__":
    main()
