"""``hallq restore`` and the schema's versions: a backup of a newer release is not put back
(the server would refuse it); an older one is, and the server upgrades it when it starts."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from pathlib import Path

from hallq.cli import main as hallq
from hallq.server.storage import migrate
from tests.live_server import HALL

RELEASE = Path(__file__).parent / "storage" / "fixtures" / "release-0.1.db"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = hallq(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_restore_refuses_a_backup_of_a_newer_release(tmp_path: Path) -> None:
    backup = tmp_path / "newer-backup.db"
    shutil.copyfile(RELEASE, backup)
    assert _run("db", "upgrade", "--db", f"sqlite:///{backup}")[0] == 0
    with contextlib.closing(sqlite3.connect(backup)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    db = tmp_path / "hall.db"
    code, _, err = _run("restore", str(backup), "--db", f"sqlite:///{db}", "--config", str(HALL))
    assert code == 2
    assert err == (f"hallq restore: {backup} is a backup of a newer hallq (schema revision "
                   f"f00dcafe; this hallq knows up to {migrate.head()}): not restored\n")
    assert not db.exists()


def test_restore_puts_back_a_backup_of_an_older_release(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    code, out, _ = _run("restore", str(RELEASE), "--db", f"sqlite:///{db}", "--config",
                        str(HALL))
    assert (code, out) == (0, f"hallq restore: {RELEASE} → {db}\n")
    assert _run("db", "version", "--db", f"sqlite:///{db}")[1] == (
        f"sqlite:///{db}: hallq 0.1's schema, not yet versioned: upgraded to {migrate.head()} "
        "at the next start\n")
