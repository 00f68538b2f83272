"""console accounts: the web console's accounts, sessions and audit log (console_tables.py)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

These tables were on main, made by ``create_all``, before the revisions were: a database from
that time (never a release) has them and no ``alembic_version``. Like the baseline, this
revision therefore creates only the tables that are missing.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hallq.server.storage.migrations.missing import create_missing_table as _table

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _table("console_audit",
           sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
           sa.Column("at", sa.DateTime(), nullable=False),
           sa.Column("user", sa.String(length=40), nullable=False),
           sa.Column("action", sa.String(length=40), nullable=False),
           sa.Column("target", sa.String(length=80), nullable=False),
           sa.Column("outcome", sa.String(length=20), nullable=False),
           sa.Column("address", sa.String(length=60), nullable=False),
           sa.PrimaryKeyConstraint("id"),
           indexes=[("ix_console_audit_at", ["at"])])
    _table("console_sessions",
           sa.Column("digest", sa.String(length=64), nullable=False),
           sa.Column("user", sa.String(length=40), nullable=False),
           sa.Column("csrf", sa.String(length=64), nullable=False),
           sa.Column("created_at", sa.DateTime(), nullable=False),
           sa.Column("seen_at", sa.DateTime(), nullable=False),
           sa.PrimaryKeyConstraint("digest"),
           indexes=[("ix_console_sessions_user", ["user"])])
    _table("console_users",
           sa.Column("name", sa.String(length=40), nullable=False),
           sa.Column("role", sa.String(length=16), nullable=False),
           sa.Column("password_hash", sa.String(length=200), nullable=False),
           sa.Column("disabled", sa.Boolean(), nullable=False),
           sa.Column("created_at", sa.DateTime(), nullable=False),
           sa.Column("failures", sa.Integer(), nullable=False),
           sa.Column("locks", sa.Integer(), nullable=False),
           sa.Column("locked_until", sa.DateTime(), nullable=True),
           sa.Column("last_failure_at", sa.DateTime(), nullable=True),
           sa.PrimaryKeyConstraint("name"))


def downgrade() -> None:
    for name in ("console_users", "console_sessions", "console_audit"):
        op.drop_table(name)
