"""The schema's versions on PostgreSQL: as on SQLite, without the copy (pg_dump is the backup)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from hallq.server.storage import migrate
from hallq.server.storage.engine import DatabaseError, open_database
from hallq.server.storage.models import metadata
from hallq.server.storage.tables import MetaRow
from tests.server.pgfix import NEEDS_POSTGRES, URL, emptied

RELEASE_0_1 = ("tickets", "counters", "windows", "pauses", "ratings", "appointments", "meta",
               "login_guards", "login_audit", "ticket_issuers")
pytestmark = NEEDS_POSTGRES


@pytest.fixture
def empty() -> Iterator[sa.Engine]:
    engine = sa.create_engine(emptied())
    yield engine
    engine.dispose()


def _revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_a_new_postgres_database_is_made_at_the_newest_revision(empty: sa.Engine) -> None:
    engine, done = open_database(URL)
    engine.dispose()
    assert done == f"database created at schema revision {migrate.head()}"
    assert _revision(empty) == migrate.head()
    with empty.connect() as conn:
        assert compare_metadata(MigrationContext.configure(
            conn, opts={"compare_type": True}), metadata) == []


def test_a_postgres_database_of_hallq_0_1_is_upgraded_with_its_rows(empty: sa.Engine) -> None:
    metadata.create_all(empty, tables=[metadata.tables[t] for t in RELEASE_0_1])  # as hallq 0.1
    # made it: its tables, no alembic_version
    with empty.begin() as conn:
        conn.execute(sa.insert(MetaRow).values(key="secret", value="kept"))
    engine, done = open_database(URL)
    engine.dispose()
    assert done == f"database upgraded from schema revision 0.1 to {migrate.head()}"
    assert _revision(empty) == migrate.head()
    with empty.connect() as conn:
        assert conn.execute(sa.select(MetaRow.value)).scalar() == "kept"


def test_a_postgres_database_of_a_newer_hallq_is_refused_untouched(empty: sa.Engine) -> None:
    open_database(URL)[0].dispose()
    with empty.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    with pytest.raises(DatabaseError, match=r"newer hallq \(schema revision f00dcafe"):
        open_database(URL)
    assert _revision(empty) == "f00dcafe"


def test_four_opening_a_new_postgres_database_at_once_all_get_it(empty: sa.Engine) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        opened = list(pool.map(lambda _: open_database(URL)[0], range(4)))
    for engine in opened:
        engine.dispose()
    assert _revision(empty) == migrate.head()
