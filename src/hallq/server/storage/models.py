"""Every table of the hall's database, in one ``metadata``: what the migrations build and what
the test of the migrations compares them with (docs/migrations.md).

A module that defines tables is imported here, so that ``metadata`` knows its tables; add the
import of a new one below, then its Alembic revision.
"""

from __future__ import annotations

from hallq.server.storage import (
    alarm_tables,
    config_tables,
    console_tables,
    photo_store,
    pin_store,
    report_day_tables,
    tables,
    trust_tables,
)

metadata = tables.Base.metadata

__all__ = ["alarm_tables", "config_tables", "console_tables", "metadata", "photo_store",
           "pin_store", "report_day_tables", "tables", "trust_tables"]
