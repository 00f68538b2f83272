"""Makes the release fixture: a database written by a released hallq, for the upgrade tests.

    python -m tests.server.storage.make_release_db tests/server/storage/fixtures release-0.1

runs one scripted day of the example hall (Monday 2026-11-23, Shanghai time) through the real
server's API: tickets issued by the kiosk (also a priority one and two by appointment),
called, recalled, skipped, restored, transferred, finished and cancelled; ratings good and bad
(with reasons, a comment, one from a rating device) and a follow-up with a note; pauses with
reasons; a failed log-in and the clerks' log-ins. It writes ``NAME.db`` (the SQLite file, WAL
folded in), ``NAME.hall.toml`` (the hall config the day ran with) and ``NAME.json`` (the rows
of every table and the daily report: its figures and the table ``hallq report`` prints).

Run it ONLY with the release it names (git checkout of that tag/commit): the point of the file is
that it was written by the old code. ``tests/server/storage/test_release_upgrade.py`` opens it
with today's code and expects everything in the JSON. docs/migrations.md says when to add one.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from hallq.cli import main as hallq
from hallq.common.version import hallq_version
from hallq.server.bootstrap import build
from hallq.server.service import reports

ROOT = Path(__file__).resolve().parents[3]
HALL = ROOT / "config" / "hall.toml"
ADMIN = "release-admin-token"
KIOSK = {"Authorization": "Bearer demo-kiosk-token-1"}
PADS = {"Authorization": "Bearer demo-window-token-all"}
BOSS = {"Authorization": f"Bearer {ADMIN}"}
DAY = "2026-11-23"
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


class Clock:
    """The hall's time, moved on by the script."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def run_day(api: TestClient, clock: Clock) -> None:
    def post(path: str, headers: dict[str, str], body: dict[str, Any] | None = None,
             expect: int = 200) -> Any:
        answer = api.post(path, json=body or {}, headers=headers)
        assert answer.status_code == expect, (path, answer.status_code, answer.text)
        return answer.json()

    def issue(service: str, **extra: Any) -> dict[str, Any]:
        ticket: dict[str, Any] = post("/api/tickets", KIOSK, {"service": service, **extra},
                                      expect=201)
        return ticket

    # a failed log-in (wrong PIN), then the clerks log in
    post("/api/windows/1/login", PADS, {"clerk": "c01", "pin": "9999"}, expect=403)
    for window, clerk, pin in (("1", "c01", "1234"), ("5", "c05", "5678"),
                               ("9", "c08", "8901")):
        post(f"/api/windows/{window}/login", PADS, {"clerk": clerk, "pin": pin})
    # appointments: booked for this morning (one with a citizen's number), checked in later
    for code, citizen in (("RELEASE1", "13800138000"), ("RELEASE2", None)):
        post("/api/appointments", BOSS, {
            "service": "estate", "code": code, "citizen_id": citizen,
            "slot_start": "2026-11-23T09:30:00+08:00", "slot_end": "2026-11-23T10:00:00+08:00"},
             expect=201)
    post("/api/appointments", BOSS, {"service": "tax", "code": "RELEASE3",
                                     "slot_start": "2026-11-24T09:30:00+08:00",
                                     "slot_end": "2026-11-24T10:00:00+08:00"}, expect=201)
    # the morning queue
    tickets = [issue(s) for s in ("general", "biz", "estate", "tax", "general", "estate",
                                  "tax", "social", "fund", "tax")]
    issue("general", priority=True)
    clock.wait(25)
    issue("estate", appointment="RELEASE1")
    issue("estate", appointment="RELEASE2")
    cancelled = issue("biz")
    post(f"/api/tickets/{cancelled['id']}/cancel", KIOSK, {"reason": "print_failed"})

    def serve(window: str, minutes: float, score: int | None = None,
              reasons: tuple[str, ...] = (), comment: str = "") -> dict[str, Any]:
        called: dict[str, Any] = post(f"/api/windows/{window}/next", PADS)["ticket"]
        clock.wait(minutes)
        post(f"/api/windows/{window}/finish", PADS)
        if score is not None:
            post(f"/api/tickets/{called['id']}/rating", PADS,
                 {"score": score, "reasons": list(reasons), "comment": comment}, expect=201)
        clock.wait(1)
        return called

    serve("1", 6, 5)
    serve("5", 12, 5)
    serve("9", 8, 4)
    serve("1", 4, 2, ("办事效率低", "等候时间长"), "排了很久")
    serve("5", 15)
    # window 9: a no-show skipped, then restored and served; a recall
    post("/api/windows/9/next", PADS)
    clock.wait(1)
    post("/api/windows/9/recall", PADS)
    clock.wait(2)
    skipped = post("/api/windows/9/skip", PADS)["ticket"]
    post(f"/api/tickets/{skipped['id']}/restore", PADS)
    serve("9", 7, 5)
    # a pause with a reason at window 5, and lunch at window 1
    post("/api/windows/5/pause", PADS, {"reason": "业务培训"})
    clock.wait(20)
    post("/api/windows/5/resume", PADS)
    serve("1", 5)
    # a rating device's bad rating (no reasons) at window 1
    serve("1", 9)
    post("/api/windows/1/rating", PADS, {"score": 1, "channel": "device"}, expect=201)
    post("/api/windows/1/pause", PADS, {"reason": "午休"})
    clock.wait(60)
    post("/api/windows/1/resume", PADS)
    # a transfer: window 1 sends its ticket to tax
    post("/api/windows/1/next", PADS)
    clock.wait(3)
    post("/api/windows/1/transfer", PADS, {"service": "tax"})
    serve("9", 6, 3)
    serve("5", 10, 5)
    # the afternoon: more tickets, some left waiting at the close
    tickets += [issue(s) for s in ("general", "biz", "household")]
    clock.wait(30)
    serve("1", 7, 5)
    post("/api/windows/9/pause", PADS, {"reason": "临时离开"})
    clock.wait(10)
    post("/api/windows/9/resume", PADS)  # no pause left open: the report's figures stay put
    post("/api/windows/9/next", PADS)  # a no-show, left missed
    clock.wait(3)
    post("/api/windows/9/skip", PADS)
    # the follow-ups of the bad ratings: one contacted with a note
    follow = api.get("/api/follow-ups", headers=BOSS)
    assert follow.status_code == 200, follow.text
    first = follow.json()[0]
    answer = api.patch(f"/api/follow-ups/{first['id']}", headers=BOSS,
                       json={"status": "contacted", "note": "已电话回访，市民表示理解"})
    assert answer.status_code == 200, answer.text
    post("/api/windows/5/logout", PADS)
    assert tickets


def table_rows(db: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, as JSON values (alembic's own table left out)."""
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {n: [dict(r) for r in connection.execute(f'SELECT * FROM "{n}" ORDER BY 1')]
                for n in names}
    finally:
        connection.close()


def printed_report(hall: Path, db: Path, day: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert hallq(["report", "--config", str(hall), "--db", f"sqlite:///{db}",
                      "--date", day]) == 0
    return out.getvalue()


def make(folder: Path, name: str) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    db, hall = folder / f"{name}.db", folder / f"{name}.hall.toml"
    for old in folder.glob(f"{name}.db*"):
        old.unlink()
    shutil.copyfile(HALL, hall)
    clock = Clock()
    server = build(hall, f"sqlite:///{db}", admin_token=ADMIN, clock=clock,
                   open_all_hours=True)
    with TestClient(server.app) as api:
        run_day(api, clock)
    server.service.store.engine.dispose()
    # the next morning's start closes the day (its waiting tickets are cancelled, day_closed):
    # what any later start would do, done now so that the file's rows stay as the JSON says
    clock.now = START + timedelta(days=1)
    server = build(hall, f"sqlite:///{db}", admin_token=ADMIN, clock=clock)
    report = reports.daily(server.service, datetime.fromisoformat(DAY).date())
    server.service.store.engine.dispose()
    folded = sqlite3.connect(db)
    folded.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
    folded.execute("VACUUM")
    folded.close()
    rows = table_rows(db)
    printed = printed_report(hall, db, DAY)
    assert table_rows(db) == rows, "hallq report changed the database"
    facts = {"day": DAY, "made_by": f"hallq {hallq_version()}",
             "counts": {t: len(r) for t, r in rows.items()}, "rows": rows, "report": report,
             "report_printed": printed}
    (folder / f"{name}.json").write_text(
        json.dumps(facts, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return facts


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("name", help="e.g. release-0.1")
    args = parser.parse_args()
    made = make(args.folder, args.name)
    print(json.dumps(made["counts"]), made["report_printed"], sep="\n")
