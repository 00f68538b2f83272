"""report day summaries: the per-day sums of the period reports (report_day_tables.py)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

Two new tables, empty: the summaries of a database's older days are made on first use by the
report over them (docs/reports.md), not here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    counts = ("issued", "served", "missed", "cancelled", "waited")
    op.create_table(
        "report_day_sums",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dim", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in counts],
        sa.Column("wait_s", sa.Float(), nullable=False),
        sa.Column("longest_wait_s", sa.Float(), nullable=False),
        sa.Column("timed", sa.Integer(), nullable=False),
        sa.Column("service_s", sa.Float(), nullable=False),
        sa.Column("within_target", sa.Integer(), nullable=False),
        *[sa.Column(f"r{n}", sa.Integer(), nullable=False) for n in range(1, 6)],
        sa.Column("paused_s", sa.Float(), nullable=False),
        sa.Column("waits", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("day", "dim", "key"),
    )
    op.create_table(
        "report_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=True),  # UTCDateTime: UTC, no zone
        sa.PrimaryKeyConstraint("day"),
    )


def downgrade() -> None:
    op.drop_table("report_days")
    op.drop_table("report_day_sums")
