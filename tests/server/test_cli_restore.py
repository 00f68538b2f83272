"""``hallq restore`` and the schema's versions: a backup of a newer release is not put back
(the server would refuse it); an older one is, and the server upgrades it when it starts."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from hallq.server.storage import migrate
from tests.live_server import HALL
from tests.server.clifix import RELEASE_0_1, run_hallq


def test_restore_refuses_a_backup_of_a_newer_release(tmp_path: Path) -> None:
    backup = tmp_path / "newer-backup.db"
    shutil.copyfile(RELEASE_0_1, backup)
    assert run_hallq("db", "upgrade", "--db", f"sqlite:///{backup}")[0] == 0
    with contextlib.closing(sqlite3.connect(backup)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    db = tmp_path / "hall.db"
    code, _, err = run_hallq("restore", str(backup), "--db", f"sqlite:///{db}", "--config",
                             str(HALL))
    assert code == 2
    assert err == (f"hallq restore: {backup} is a backup of a newer hallq (schema revision "
                   f"f00dcafe; this hallq knows up to {migrate.head()}): not restored\n")
    assert not db.exists()


def test_restore_puts_back_a_backup_of_an_older_release(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    code, out, _ = run_hallq("restore", str(RELEASE_0_1), "--db", f"sqlite:///{db}", "--config",
                        str(HALL))
    assert (code, out) == (0, f"hallq restore: {RELEASE_0_1} → {db}\n")
    assert run_hallq("db", "version", "--db", f"sqlite:///{db}")[1] == (
        f"sqlite:///{db}: hallq 0.1's schema, not yet versioned: upgraded to {migrate.head()} "
        "at the next start\n")
