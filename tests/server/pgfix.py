"""PostgreSQL for the tests that need it: the server named by ``HALLQ_TEST_PG_URL`` (scripts/test.sh
starts one and sets it), the tests skipped without it, and an empty database for each test."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from hallq.server.storage.models import metadata

URL = os.environ.get("HALLQ_TEST_PG_URL", "")
NEEDS_POSTGRES = [
    pytest.mark.postgres,
    pytest.mark.skipif(not URL, reason="HALLQ_TEST_PG_URL not set (scripts/test.sh sets it "
                       "when PostgreSQL is installed)"),
]


def emptied() -> str:
    """The test database with no table of any revision and no schema version (as a new hall's
    is); its URL."""
    engine = create_engine(URL)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return URL
