"""Bench of the period report: a year of a busy hall in a real SQLite file.

Fills the tables by bulk inserts (≈ 4,100 tickets a day over 365 days ≈ 1.5 M tickets, their
ratings and pauses, 20 windows and 24 clerks), then times ``GET /api/reports`` for a month
(≈ 120 k tickets) and for the year, through the in-process API (the route, the service, SQL).
Prints figures only; never asserts on time. ``--quick`` runs a small version.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.figures import figure

ROOT = Path(__file__).resolve().parent.parent
ADMIN = "bench-admin-token-0001"
SERVICES = ["general", "biz", "estate", "social", "fund", "tax"]
WINDOWS = [str(n) for n in range(1, 21)]
REASONS = ["会议", "午休", "业务培训", "临时离开"]


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy keeps DateTime in SQLite


def make_year(db: Path, first: date, days: int, per_day: int) -> int:
    """History written straight into the tables the server makes (executemany, one commit)."""
    from hallq.server.storage.engine import open_engine

    open_engine(f"sqlite:///{db}").dispose()
    rng = random.Random(10)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    ticket_id = pause_id = 0
    for d in range(days):
        day = first + timedelta(days=d)
        opens = datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC)  # 08:30 Shanghai
        tickets, ratings, pauses = [], [], []
        for n in range(per_day):
            ticket_id += 1
            code = SERVICES[n % len(SERVICES)]
            window = WINDOWS[n % len(WINDOWS)]
            clerk = f"c{(n + d) % 24 + 1:02d}"
            issued = opens + timedelta(seconds=n * 32400 // per_day)
            called = issued + timedelta(seconds=rng.randint(30, 3600))
            finished = called + timedelta(seconds=rng.randint(120, 1500))
            roll = rng.random()
            status = "missed" if roll < 0.04 else "cancelled" if roll < 0.06 else "done"
            seq = n // len(SERVICES) + 1
            tickets.append((
                ticket_id, f"A{seq:03d}", code, day.isoformat(), seq, f"t{ticket_id}",
                _utc(issued), _utc(issued), status, None,
                None if status == "cancelled" else window,
                None if status == "cancelled" else clerk,
                None if status == "cancelled" else _utc(called),
                _utc(finished) if status == "done" else None, 0, None, None, ""))
            if status == "done" and n % 3 == 0:
                score = rng.choice((5, 5, 5, 4, 4, 3, 2, 1))
                ratings.append((ticket_id, score, window, clerk, code, day.isoformat(),
                                _utc(finished), "pad", "", "", "open" if score <= 2 else None,
                                _utc(finished + timedelta(days=15)) if score <= 2 else None, ""))
        for w in WINDOWS:
            pause_id += 1
            start = opens + timedelta(seconds=rng.randint(3600, 28000))
            pauses.append((pause_id, w, f"c{int(w):02d}", rng.choice(REASONS), day.isoformat(),
                           _utc(start), _utc(start + timedelta(seconds=rng.randint(60, 1800)))))
        conn.executemany(f"INSERT INTO tickets VALUES ({','.join('?' * 18)})", tickets)
        conn.executemany("INSERT INTO ratings (ticket_id, score, window, clerk, service, day, "
                         "rated_at, channel, reasons, comment, follow_up, follow_up_due, "
                         f"follow_up_note) VALUES ({','.join('?' * 13)})", ratings)
        conn.executemany(f"INSERT INTO pauses VALUES ({','.join('?' * 7)})", pauses)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return ticket_id


def time_report(db: Path, start: date, end: date, repeat: int) -> tuple[float, int]:
    from fastapi.testclient import TestClient

    from hallq.server.bootstrap import build

    server = build(ROOT / "config" / "hall.toml", f"sqlite:///{db}", admin_token=ADMIN)
    times, issued = [], 0
    with TestClient(server.app) as api:
        for _ in range(repeat):
            started = time.perf_counter()
            answer = api.get("/api/reports", params={"from": start.isoformat(),
                                                     "to": end.isoformat()},
                             headers={"Authorization": f"Bearer {ADMIN}"})
            times.append((time.perf_counter() - started) * 1000)
            answer.raise_for_status()
            issued = answer.json()["issued"]
    server.service.store.engine.dispose()
    return statistics.median(times), issued


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs (a smoke test)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep (or reuse) the filled database at this path")
    args = parser.parse_args()
    days, per_day = (40, 300) if args.quick else (365, 4110)
    first = date(2025, 1, 1)
    workdir = Path(tempfile.mkdtemp(prefix="hallq-bench-reports-"))
    db = args.keep or workdir / "year.db"
    try:
        if not db.exists():
            started = time.monotonic()
            total = make_year(db, first, days, per_day)
            print(f"history: {total} tickets over {days} days written in "
                  f"{time.monotonic() - started:.1f} s", flush=True)
        month = time_report(db, first, date(2025, 1, 31), 5)
        figure(f"report over a month ({month[1] / 1000:.0f} k tickets, median of 5)",
               f"{month[0]:.0f} ms", "≤ 300 ms")
        year = time_report(db, first, first + timedelta(days=days - 1), 3)
        figure(f"report over a year ({year[1] / 1e6:.2f} M tickets, median of 3)",
               f"{year[0]:.0f} ms", "≤ 1000 ms")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
