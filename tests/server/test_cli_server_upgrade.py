"""``hallq server`` started on a database of an older release upgrades it first and says so; on
a database of a newer release it refuses to start, in one line, and leaves the file alone."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from hallq.server.storage import migrate
from hallq.server.storage.engine import open_database
from tests.server.clifix import RELEASE_0_1
from tests.server.realfix import ROOT, RealServer


@pytest.mark.slow
def test_the_server_upgrades_a_release_database_and_serves_its_tickets(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    server = RealServer(db).start()
    try:
        ticket = server.ok("GET", "/api/tickets/12")
        rating = server.ok("GET", "/api/follow-ups")
    finally:
        server.stop()
    assert (ticket["number"], ticket["status"]) == ("B003", "done")
    assert [r["follow_up"] for r in rating] == ["contacted", "open"]
    said = server.log.read_text(encoding="utf-8")
    assert (f"database upgraded from schema revision 0.1 to {migrate.head()}; the database as "
            f"it was is kept as {tmp_path / 'hall.db.before-0.1'}") in said


@pytest.mark.slow
def test_the_server_refuses_a_database_of_a_newer_release(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    open_database(f"sqlite:///{db}")[0].dispose()
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    before = db.read_bytes()
    files = sorted(p for p in tmp_path.iterdir() if p.suffix != ".lock")
    done = subprocess.run([sys.executable, "-m", "hallq", "server", "--config",
                           "config/hall.toml", "--db", f"sqlite:///{db}", "--port", "9"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1:] == [
        f"hallq server: {db} was written by a newer hallq (schema revision f00dcafe; this "
        f"hallq knows up to {migrate.head()}): run that release, or restore a backup made "
        "with this one"]
    assert db.read_bytes() == before
    assert sorted(p for p in tmp_path.iterdir() if p.suffix != ".lock") == files
