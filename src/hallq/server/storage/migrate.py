"""The database's schema version (Alembic): what a database holds, and bringing it to the newest.

Every process that opens the hall's database goes through :func:`upgrade` (by way of
``engine.open_database``): an empty database is created at the newest revision; a database of
hallq 0.1 (tables, no ``alembic_version``) and a database of an older revision are upgraded, an
SQLite file after its copy is kept aside as ``<file>.before-<revision>``; a database of a newer
release is refused before anything is written to it. docs/migrations.md tells how to add a
revision.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from hallq.common.dbfile import FileLock, backup

log = logging.getLogger("hallq.server.storage")
MIGRATIONS = Path(__file__).with_name("migrations")
UNVERSIONED = "0.1"  # how the copy of a database of hallq 0.1 (no alembic_version) is named


class SchemaError(Exception):
    """The database cannot be brought to this hallq's schema; the message says why."""


class NewerDatabase(SchemaError):
    """The database was written by a newer hallq; this one does not know its tables."""


class ServerRunning(SchemaError):
    """Another process (an older hallq server) uses the SQLite file that needs the upgrade."""


class UpgradeFailed(SchemaError):
    """A revision failed: the database is as it was (one transaction), and copied aside."""


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Alembic's configuration without an alembic.ini: the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    found = scripts().get_heads()
    if len(found) != 1:  # two branches each added a revision: docs/migrations.md, "merging"
        raise RuntimeError(f"the migrations have {len(found)} heads {found}; they need one")
    return found[0]


@dataclass(frozen=True)
class Version:
    """What a database holds: its revision (None: not versioned) and whether it has tables."""

    current: str | None
    has_tables: bool
    head: str
    known: bool

    @property
    def state(self) -> str:
        """fresh | unversioned (hallq 0.1) | current | older | newer."""
        if self.current is None:
            return "unversioned" if self.has_tables else "fresh"
        if not self.known:
            return "newer"
        return "current" if self.current == self.head else "older"

    def describe(self) -> str:
        return {"fresh": f"empty: the newest schema ({self.head}) is created at the first start",
                "unversioned": f"hallq 0.1's schema, not yet versioned: upgraded to {self.head} "
                               "at the next start",
                "current": f"schema revision {self.current}, the newest this hallq knows",
                "older": f"schema revision {self.current}: upgraded to {self.head} at the next "
                         "start",
                "newer": f"schema revision {self.current}, from a NEWER hallq (this one knows "
                         f"up to {self.head}): refused"}[self.state]


def version(engine: Engine) -> Version:
    """Reads the database's revision; writes nothing."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = sa.inspect(conn).has_table("tickets")
    known = current is None or current in {s.revision for s in scripts().walk_revisions()}
    return Version(current, has_tables, head(), known)


def refuse_newer(found: Version, where: str) -> None:
    if found.state == "newer":
        raise NewerDatabase(
            f"{where} was written by a newer hallq (schema revision {found.current}; this "
            f"hallq knows up to {found.head}): run that release, or restore a backup made "
            "with this one")


def upgrade(engine: Engine, found: Version, db_file: Path | None) -> str | None:
    """Brings the database from ``found`` (read by :func:`version`) to the newest revision;
    a sentence saying what was done, or None when there was nothing to do."""
    refuse_newer(found, str(db_file or engine.url.render_as_string()))
    if found.state == "current":
        return None
    server = None  # a hall's SQLite file is upgraded only where no other process serves it
    if db_file is not None and found.state != "fresh" and not FileLock.held_here(db_file):
        server = FileLock(db_file)
        if not server.acquire():
            raise ServerRunning(
                f"{db_file} needs an upgrade to schema revision {found.head}, and a hallq "
                "server (an older one) is using it: restart that server, it upgrades its "
                "database when it starts")
    try:
        return _upgrade(engine, found, db_file)
    finally:
        if server is not None:
            server.release()


def _upgrade(engine: Engine, found: Version, db_file: Path | None) -> str:
    aside = None
    if db_file is not None and found.state in ("unversioned", "older"):
        aside = db_file.with_name(f"{db_file.name}.before-{found.current or UNVERSIONED}")
        if aside.exists():  # an earlier attempt's copy stays as it is
            aside = aside.with_name(f"{aside.name}-{datetime.now():%Y%m%d-%H%M%S}")
        backup(db_file, aside)
    target = _one_transaction(engine) if db_file is not None else engine
    try:
        with target.begin() as conn:
            if conn.dialect.name == "postgresql":  # one upgrader at a time, the others wait
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7210314)"))
            command.upgrade(alembic_config(conn), "head")
    except Exception as exc:  # a revision may raise anything: one line, the database as it was
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UpgradeFailed(
            f"upgrading {db_file or engine.url.render_as_string()} from schema revision "
            f"{found.current or UNVERSIONED} to {found.head} failed, nothing was changed: "
            f"{reason}" + (f" (a copy is kept as {aside})" if aside else "")) from exc
    finally:
        if target is not engine:
            target.dispose()
    if found.state == "fresh":
        message = f"database created at schema revision {found.head}"
        log.info(message)
        return message
    message = (f"database upgraded from schema revision {found.current or UNVERSIONED} to "
               f"{found.head}" + (f"; the database as it was is kept as {aside}" if aside else ""))
    log.warning(message)  # said also where no logging is set up (hallq report and the like)
    return message


def _one_transaction(engine: Engine) -> Engine:
    """An engine for the upgrade of an SQLite file whose transaction holds the schema changes
    too (Python's sqlite3 runs DDL outside any transaction by itself), taken with BEGIN
    IMMEDIATE: a failed revision changes nothing, and two processes upgrade one at a time."""
    own = sa.create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 30})

    def autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy says BEGIN, below

    def begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(own, "connect", autocommit_driver)
    event.listen(own, "begin", begin)
    return own
