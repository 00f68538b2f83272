"""A year of a busy hall's history for the report bench, written straight into the tables the
server makes: SQLite by ``executemany``, PostgreSQL by ``COPY`` (one commit each).

≈ ``per_day`` tickets a day (6 services, 20 windows, 24 clerks), a third of the served rated,
one pause a window a day. The same rows on both databases (a fixed random seed).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

SERVICES = ["general", "biz", "estate", "social", "fund", "tax"]
WINDOWS = [str(n) for n in range(1, 21)]
REASONS = ["会议", "午休", "业务培训", "临时离开"]
TICKETS = ("id, number, service, day, seq, token, issued_at, queued_at, status, priority, "
           "\"window\", clerk, called_at, finished_at, recalls, first_service, appointment, "
           "cancel_reason")
RATINGS = ("ticket_id, score, \"window\", clerk, service, day, rated_at, channel, reasons, "
           "comment, follow_up, follow_up_due, follow_up_note")
PAUSES = "id, \"window\", clerk, reason, day, started_at, ended_at"
Day = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy keeps DateTime in SQLite


def history(first: date, days: int, per_day: int) -> Iterator[Day]:
    """Each day's (tickets, ratings, pauses) rows."""
    rng = random.Random(10)
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
            gone = status == "cancelled"
            tickets.append((
                ticket_id, f"A{seq:03d}", code, day.isoformat(), seq, f"t{ticket_id}",
                _utc(issued), _utc(issued), status, None, None if gone else window,
                None if gone else clerk, None if gone else _utc(called),
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
        yield tickets, ratings, pauses


def fill_sqlite(db: Path, first: date, days: int, per_day: int) -> int:
    from hallq.server.storage.engine import open_engine

    open_engine(f"sqlite:///{db}").dispose()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    total = 0
    for tickets, ratings, pauses in history(first, days, per_day):
        total += len(tickets)
        for table, columns, rows in (("tickets", TICKETS, tickets), ("ratings", RATINGS, ratings),
                                     ("pauses", PAUSES, pauses)):
            marks = ",".join("?" * len(rows[0])) if rows else ""
            if rows:
                conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return total


def fill_postgres(url: str, first: date, days: int, per_day: int) -> int:
    """Empties the database named by ``url`` (every hallq table), migrates it, then COPYs."""
    import psycopg
    from sqlalchemy import create_engine, text

    from hallq.server.storage.engine import open_engine
    from hallq.server.storage.models import metadata

    engine = create_engine(url)
    metadata.drop_all(engine)
    with engine.begin() as sa_conn:
        sa_conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    open_engine(url).dispose()
    total = 0
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as conn, conn.cursor() as cur:
        for tickets, ratings, pauses in history(first, days, per_day):
            total += len(tickets)
            for table, columns, rows in (("tickets", TICKETS, tickets),
                                         ("ratings", RATINGS, ratings),
                                         ("pauses", PAUSES, pauses)):
                with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        conn.commit()
        cur.execute("ANALYZE")
    return total
