"""``hallq db version`` and ``hallq db upgrade`` on real SQLite files, as the IT person runs
them."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from hallq.common.dbfile import FileLock
from hallq.server.storage import migrate
from tests.live_server import HALL
from tests.server.clifix import RELEASE_0_1, run_hallq


def test_version_then_upgrade_of_a_release_database(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    url = f"sqlite:///{db}"
    head = migrate.head()
    assert run_hallq("db", "version", "--db", url)[:2] == (
        0, f"{url}: hallq 0.1's schema, not yet versioned: upgraded to {head} at the next "
           "start\n")
    assert db.read_bytes() == RELEASE_0_1.read_bytes()  # looking changes nothing
    code, out, _ = run_hallq("db", "upgrade", "--db", url)
    assert (code, out) == (0, f"hallq db upgrade: {url}: database upgraded from schema "
                              f"revision 0.1 to {head}; the database as it was is kept as "
                              f"{db}.before-0.1\n")
    assert run_hallq("db", "version", "--db", url)[:2] == (
        0, f"{url}: schema revision {head}, the newest this hallq knows\n")
    assert run_hallq("db", "upgrade", "--db", url)[:2] == (
        0, f"hallq db upgrade: {url}: already at the newest schema revision\n")


def test_version_of_no_database_creates_none(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert run_hallq("db", "version", "--db", url)[:2] == (
        0, f"{url}: no database yet; the server creates it at schema revision "
           f"{migrate.head()} when it starts\n")
    assert list(tmp_path.iterdir()) == []


def test_a_newer_database_is_named_and_refused(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    assert run_hallq("db", "upgrade", "--db", f"sqlite:///{db}")[0] == 0
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    code, out, _ = run_hallq("db", "version", "--db", f"sqlite:///{db}")
    assert code == 2
    assert "schema revision f00dcafe, from a NEWER hallq" in out
    code, _, err = run_hallq("db", "upgrade", "--db", f"sqlite:///{db}", "--config", str(HALL))
    assert (code, err.count("\n")) == (2, 1)  # one line
    assert "was written by a newer hallq (schema revision f00dcafe" in err


def test_upgrade_waits_for_the_server_to_stop(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    server = FileLock(db)  # what a running hallq server holds
    assert server.acquire()
    try:
        code, _, err = run_hallq("db", "upgrade", "--db", f"sqlite:///{db}")
    finally:
        server.release()
    assert code == 2
    assert "a hallq server is using" in err
    assert db.read_bytes() == RELEASE_0_1.read_bytes()



def test_hallq_report_does_not_upgrade_a_database_an_older_server_uses(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    # the hallq 0.1 server, still running after the new hallq is installed: another process
    holding = ("import pathlib, time; from hallq.common.dbfile import FileLock; "
               f"lock = FileLock(pathlib.Path({str(db)!r})); assert lock.acquire(); "
               "print('held', flush=True); time.sleep(60)")
    with subprocess.Popen([sys.executable, "-c", holding], stdout=subprocess.PIPE,
                          text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            code, _, err = run_hallq("report", "--db", f"sqlite:///{db}", "--config", str(HALL))
        finally:
            holder.kill()
    assert (code, err) == (2, f"hallq report: reading sqlite:///{db}\n"
                              f"hallq report: {db} needs an upgrade to schema revision "
                              f"{migrate.head()}, and a hallq server (an older one) is using "
                              "it: restart that server, it upgrades its database when it "
                              "starts\n")
    assert db.read_bytes() == RELEASE_0_1.read_bytes()
