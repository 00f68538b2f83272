"""clerk pins: the PINs clerks chose themselves at the pad (pin_store.py)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clerk_pins",
        sa.Column("clerk", sa.String(length=40), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=60), nullable=False),
        sa.Column("replaces", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("clerk"),
    )


def downgrade() -> None:
    op.drop_table("clerk_pins")
