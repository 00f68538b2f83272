"""Alembic's environment for the hall's database.

At run time hallq calls Alembic's API (hallq.server.storage.migrate) and hands over an open
connection in ``config.attributes["connection"]``. A developer's ``alembic`` command (the
repository's alembic.ini) has none: then the URL of alembic.ini (or ``-x db=URL``) is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, create_engine, make_url

from hallq.server.storage.models import metadata
from hallq.server.storage.tables import UTCDateTime

config = context.config


def render_item(kind: str, item: object, _context: AutogenContext) -> str | Literal[False]:
    """A new revision spells hallq's UTC time type as what the database keeps (a DateTime)."""
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime()"
    return False


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite",  # ALTER on SQLite
                      compare_type=True, render_item=render_item)
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") \
        or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("alembic: give a database: sqlalchemy.url in alembic.ini or -x db=URL")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)  # var/ of a checkout
    engine = create_engine(parsed)
    with engine.connect() as connection:
        run(connection)
    engine.dispose()
