"""Opening the database: SQLite in WAL mode with durable commits, or any SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from hallq.server.storage import (  # noqa: F401  (their tables join create_all)
    console_tables,
    pin_store,
    trust_tables,
)
from hallq.server.storage.tables import Base


class DatabaseError(Exception):
    """The database named by the URL cannot be used; the message says why."""


def open_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"--db {url!r} is not a database URL (like sqlite:///hall.db)") \
            from None
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
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
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        Base.metadata.create_all(engine)
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {parsed.render_as_string()}: {exc.orig}") \
            from None
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Durable commits: an answered command survives kill -9 and power loss.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
