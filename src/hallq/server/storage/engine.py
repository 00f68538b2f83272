"""Opening the database: SQLite in WAL mode with durable commits, or any SQLAlchemy URL; its
schema brought to the newest revision first (hallq.server.storage.migrate), the one way every
command opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from hallq.server.storage import migrate


class DatabaseError(Exception):
    """The database named by the URL cannot be used; the message says why."""


def open_engine(url: str) -> Engine:
    return open_database(url)[0]


def open_database(url: str) -> tuple[Engine, str | None]:
    """The engine, at the newest schema, and what was done to get there (None: nothing)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"--db {url!r} is not a database URL (like sqlite:///hall.db)") \
            from None
    is_sqlite = parsed.get_backend_name() == "sqlite"
    db_file = None
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        db_file = Path(parsed.database).expanduser()
        db_file.parent.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {}
    if is_sqlite:
        options["connect_args"] = {"check_same_thread": False, "timeout": 10}
    else:
        options.update(pool_pre_ping=True, pool_size=5)
    try:
        engine = create_engine(parsed, **options)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseError(f"--db {parsed.render_as_string()}: driver missing ({exc}); "
                            "for PostgreSQL install hallq[postgres]") from None
    try:
        found = migrate.version(engine)  # read before any pragma writes to the file
        migrate.refuse_newer(found, str(db_file or parsed.render_as_string()))
        engine.dispose()  # the connections that read it have no pragmas
        if is_sqlite:
            event.listen(engine, "connect", _sqlite_pragmas)
        done = migrate.upgrade(engine, found, db_file)
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {parsed.render_as_string()}: {exc.orig}") \
            from None
    except migrate.SchemaError as exc:
        engine.dispose()
        raise DatabaseError(str(exc)) from None
    return engine, done


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Durable commits: an answered command survives kill -9 and power loss.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def insert_for(bind: Engine | Connection) -> Any:
    """The ``insert`` of the bind's database, with ``on_conflict_do_update/nothing`` (SQLite's
    and PostgreSQL's share that interface)."""
    return postgresql.insert if bind.dialect.name == "postgresql" else sqlite.insert
