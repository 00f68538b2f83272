"""The schema's versions on real SQLite files: a new database is at the newest revision, an older
one is upgraded after its copy is kept aside, a newer one is refused untouched, and the tables
of the code agree with the migrations (a change without its revision fails here)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from hallq.cli import main as hallq
from hallq.server.bootstrap import build
from hallq.server.storage import migrate
from hallq.server.storage.engine import DatabaseError, open_database
from hallq.server.storage.models import metadata
from tests.live_server import HALL
from tests.server.clifix import RELEASE_0_1
from tests.server.storage.make_release_db import table_rows

SECOND = '''"""a sample second revision: a column with a default, and a table"""
import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default="none"))
    op.create_table("sample", sa.Column("id", sa.Integer(), primary_key=True))
'''


def _revision(db: Path) -> str | None:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _differences(db: Path) -> list[object]:
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return list(compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), metadata))
    finally:
        engine.dispose()


def test_the_migrations_have_one_head() -> None:
    assert migrate.head() == sorted(s.revision for s in migrate.scripts().walk_revisions())[-1]


def test_a_new_database_is_made_at_the_newest_revision_and_agrees_with_the_tables(
        tmp_path: Path) -> None:
    engine, done = open_database(f"sqlite:///{tmp_path / 'hall.db'}")
    engine.dispose()
    assert done == f"database created at schema revision {migrate.head()}"
    assert _revision(tmp_path / "hall.db") == migrate.head()
    # the models and the migrations agree: a table or column changed in
    # hallq/server/storage without a revision shows up here (docs/migrations.md)
    assert _differences(tmp_path / "hall.db") == [], "a schema change needs its revision"
    assert not list(tmp_path.glob("hall.db.before-*"))  # nothing to keep of an empty database


def test_a_release_database_upgraded_has_the_same_tables_as_a_new_one(tmp_path: Path) -> None:
    shutil.copyfile(RELEASE_0_1, tmp_path / "hall.db")
    open_database(f"sqlite:///{tmp_path / 'hall.db'}")[0].dispose()
    assert _revision(tmp_path / "hall.db") == migrate.head()
    assert _differences(tmp_path / "hall.db") == []


def test_a_database_of_a_newer_hallq_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    open_database(f"sqlite:///{db}")[0].dispose()
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    before = db.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseError) as refused:
        build(HALL, f"sqlite:///{db}")
    assert str(refused.value) == (
        f"{db} was written by a newer hallq (schema revision f00dcafe; this hallq knows up to "
        f"{migrate.head()}): run that release, or restore a backup made with this one")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = hallq(["report", "--config", str(HALL), "--db", f"sqlite:///{db}"])
    reading, refusal = err.getvalue().splitlines()  # which database it reads, then one line
    assert code == 2 and reading == f"hallq report: reading sqlite:///{db}"
    assert refusal.startswith(f"hallq report: {db} was written by a newer hallq")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_an_older_revision_is_upgraded_after_a_copy_and_keeps_every_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    open_database(f"sqlite:///{db}")[0].dispose()  # at today's newest revision
    rows = table_rows(db)
    newer = tmp_path / "migrations"  # a later release: today's migrations and one more
    shutil.copytree(migrate.MIGRATIONS, newer)
    head = migrate.head()
    (newer / "versions" / "9002_sample.py").write_text(SECOND.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS", newer)

    engine, done = open_database(f"sqlite:///{db}")
    engine.dispose()
    aside = tmp_path / f"hall.db.before-{head}"
    assert done == (f"database upgraded from schema revision {head} to 9002; the database as "
                    f"it was is kept as {aside}")
    assert done in caplog.messages
    assert (_revision(db), _revision(aside)) == ("9002", head)
    assert table_rows(aside) == rows
    upgraded = table_rows(db)
    assert upgraded.pop("sample") == []
    assert {row.pop("note") for row in upgraded["tickets"]} == {"none"}
    assert upgraded == rows


def test_a_failing_revision_changes_nothing_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    open_database(f"sqlite:///{db}")[0].dispose()
    rows, head = table_rows(db), migrate.head()
    newer = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, newer)
    broken = SECOND.format(head=head) + '    op.execute("UPDATE no_such_table SET x = 1")\n'
    (newer / "versions" / "9002_sample.py").write_text(broken)
    monkeypatch.setattr(migrate, "MIGRATIONS", newer)

    with pytest.raises(DatabaseError) as failed:
        open_database(f"sqlite:///{db}")
    aside = tmp_path / f"hall.db.before-{head}"
    assert str(failed.value) == (
        f"upgrading {db} from schema revision {head} to 9002 failed, nothing was changed: "
        f"(sqlite3.OperationalError) no such table: no_such_table (a copy is kept as {aside})")
    assert _revision(db) == head
    assert table_rows(db) == rows  # no new column, no new table: one transaction
    assert table_rows(aside) == rows


def test_four_opening_a_new_database_at_once_all_get_it(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    with ThreadPoolExecutor(4) as pool:  # the server and `hallq users add`, say: one upgrades
        opened = list(pool.map(lambda _: open_database(url)[0], range(4)))
    for engine in opened:
        engine.dispose()
    assert _revision(tmp_path / "hall.db") == migrate.head()
    assert _differences(tmp_path / "hall.db") == []


def test_a_database_made_by_create_all_before_the_revisions_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    metadata.create_all(engine, tables=[t for n, t in metadata.tables.items()
                                        if n.startswith(("console_", "tickets"))])
    engine.dispose()  # main between the console's tables and the revisions: no alembic_version
    open_database(f"sqlite:///{db}")[0].dispose()
    assert _revision(db) == migrate.head()
    assert _differences(db) == []
