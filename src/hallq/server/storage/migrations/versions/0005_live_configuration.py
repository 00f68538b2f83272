"""live configuration: the configured items and the audit log (config_tables.py)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

Like 0002, creates only the tables that are missing (a database of the liveconf branch made
them with ``create_all`` before this revision existed).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hallq.server.storage.migrations.missing import create_missing_table as _table

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _table("config_items",
           sa.Column("kind", sa.String(length=12), nullable=False),
           sa.Column("id", sa.String(length=60), nullable=False),
           sa.Column("position", sa.Integer(), nullable=False),
           sa.Column("version", sa.Integer(), nullable=False),
           sa.Column("body", sa.Text(), nullable=False),
           sa.PrimaryKeyConstraint("kind", "id"))
    _table("audit_log",
           sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
           sa.Column("at", sa.DateTime(), nullable=False),
           sa.Column("who", sa.String(length=80), nullable=False),
           sa.Column("action", sa.String(length=40), nullable=False),
           sa.Column("target", sa.String(length=80), nullable=False),
           sa.Column("before", sa.Text(), nullable=True),
           sa.Column("after", sa.Text(), nullable=True),
           sa.PrimaryKeyConstraint("id"),
           indexes=[("ix_audit_log_at", ["at"])])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("config_items")
