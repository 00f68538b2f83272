"""device heartbeats and follow-up notes: the apps' last reports (alarm_tables.py
``device_health``) and the append-only history of bad ratings' follow-ups (``follow_up_notes``)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Like 0002, these tables may already be in a database of a development tree made by
``create_all`` before the revisions were: only the missing ones are created.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hallq.server.storage.migrations.missing import create_missing_table as _table

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _table("device_health",
           sa.Column("key", sa.String(length=160), nullable=False),
           sa.Column("device", sa.String(length=60), nullable=False),
           sa.Column("app", sa.String(length=12), nullable=False),
           sa.Column("window", sa.String(length=40), nullable=True),
           sa.Column("host", sa.String(length=60), nullable=False),
           sa.Column("last_seen", sa.DateTime(), nullable=False),
           sa.Column("printer", sa.String(length=12), nullable=True),
           sa.Column("printer_since", sa.DateTime(), nullable=True),
           sa.PrimaryKeyConstraint("key"))
    _table("follow_up_notes",
           sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
           sa.Column("rating_id", sa.Integer(), nullable=False),
           sa.Column("at", sa.DateTime(), nullable=False),
           sa.Column("who", sa.String(length=60), nullable=False),
           sa.Column("status", sa.String(length=12), nullable=False),
           sa.Column("note", sa.Text(), nullable=False),
           sa.PrimaryKeyConstraint("id"),
           indexes=[("ix_follow_up_notes_rating_id", ["rating_id"])])


def downgrade() -> None:
    for name in ("follow_up_notes", "device_health"):
        op.drop_table(name)
