"""baseline: the tables of hallq 0.1 (the first release), exactly as it made them.

Revision ID: 0001
Revises:
Create Date: 2026-11-29

Databases of 0.1 were made without Alembic (``create_all``): they have these tables and no
``alembic_version``. For them this revision creates only what is missing (some lack the
login_guards, login_audit and ticket_issuers tables that came late in 0.1) and keeps every row.
Only the revisions of tables made before the revisions were (this one and 0002) look before
they create; later ones change what they find.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from hallq.server.storage.migrations.missing import create_missing_table as _table

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIME = sa.DateTime()  # hallq.server.storage.tables.UTCDateTime: UTC, without a zone


def upgrade() -> None:
    _table("tickets",
           sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
           sa.Column("number", sa.String(length=8), nullable=False),
           sa.Column("service", sa.String(length=40), nullable=False),
           sa.Column("day", sa.Date(), nullable=False),
           sa.Column("seq", sa.Integer(), nullable=False),
           sa.Column("token", sa.String(length=40), nullable=False),
           sa.Column("issued_at", TIME, nullable=False),
           sa.Column("queued_at", TIME, nullable=False),
           sa.Column("status", sa.String(length=12), nullable=False),
           sa.Column("priority", sa.String(length=12), nullable=True),
           sa.Column("window", sa.String(length=40), nullable=True),
           sa.Column("clerk", sa.String(length=40), nullable=True),
           sa.Column("called_at", TIME, nullable=True),
           sa.Column("finished_at", TIME, nullable=True),
           sa.Column("recalls", sa.Integer(), nullable=False),
           sa.Column("first_service", sa.String(length=40), nullable=True),
           sa.Column("appointment", sa.String(length=40), nullable=True),
           sa.Column("cancel_reason", sa.String(length=40), nullable=False),
           sa.PrimaryKeyConstraint("id"),
           sa.UniqueConstraint("token"),
           indexes=[("ix_tickets_day", ["day"]), ("ix_tickets_open", ["status"]),
                    ("ix_tickets_service_done", ["service", "finished_at"])])
    _table("counters",
           sa.Column("day", sa.Date(), nullable=False),
           sa.Column("service", sa.String(length=40), nullable=False),
           sa.Column("seq", sa.Integer(), nullable=False),
           sa.PrimaryKeyConstraint("day", "service"))
    _table("windows",
           sa.Column("id", sa.String(length=40), nullable=False),
           sa.Column("status", sa.String(length=12), nullable=False),
           sa.Column("clerk", sa.String(length=40), nullable=True),
           sa.Column("current", sa.Integer(), nullable=True),
           sa.Column("pause_reason", sa.String(length=40), nullable=False),
           sa.Column("paused_at", TIME, nullable=True),
           sa.Column("last_finished", sa.Integer(), nullable=True),
           sa.PrimaryKeyConstraint("id"))
    _table("pauses",
           sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
           sa.Column("window", sa.String(length=40), nullable=False),
           sa.Column("clerk", sa.String(length=40), nullable=True),
           sa.Column("reason", sa.String(length=40), nullable=False),
           sa.Column("day", sa.Date(), nullable=False),
           sa.Column("started_at", TIME, nullable=False),
           sa.Column("ended_at", TIME, nullable=True),
           sa.PrimaryKeyConstraint("id"),
           indexes=[("ix_pauses_day", ["day"])])
    _table("ratings",
           sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
           sa.Column("ticket_id", sa.Integer(), nullable=False),
           sa.Column("score", sa.Integer(), nullable=False),
           sa.Column("window", sa.String(length=40), nullable=True),
           sa.Column("clerk", sa.String(length=40), nullable=True),
           sa.Column("service", sa.String(length=40), nullable=False),
           sa.Column("day", sa.Date(), nullable=False),
           sa.Column("rated_at", TIME, nullable=False),
           sa.Column("channel", sa.String(length=12), nullable=False),
           sa.Column("reasons", sa.Text(), nullable=False),
           sa.Column("comment", sa.Text(), nullable=False),
           sa.Column("follow_up", sa.String(length=12), nullable=True),
           sa.Column("follow_up_due", TIME, nullable=True),
           sa.Column("follow_up_note", sa.Text(), nullable=False),
           sa.PrimaryKeyConstraint("id"),
           sa.UniqueConstraint("ticket_id"),
           indexes=[("ix_ratings_day", ["day"]), ("ix_ratings_follow_up", ["follow_up"])])
    _table("appointments",
           sa.Column("code", sa.String(length=40), nullable=False),
           sa.Column("service", sa.String(length=40), nullable=False),
           sa.Column("slot_start", TIME, nullable=False),
           sa.Column("slot_end", TIME, nullable=False),
           sa.Column("status", sa.String(length=12), nullable=False),
           sa.Column("ticket_id", sa.Integer(), nullable=True),
           sa.Column("citizen_digest", sa.String(length=64), nullable=False),
           sa.Column("citizen_masked", sa.String(length=40), nullable=False),
           sa.PrimaryKeyConstraint("code"))
    _table("meta",
           sa.Column("key", sa.String(length=40), nullable=False),
           sa.Column("value", sa.Text(), nullable=False),
           sa.PrimaryKeyConstraint("key"))
    _table("login_guards",
           sa.Column("key", sa.String(length=60), nullable=False),
           sa.Column("failures", sa.Integer(), nullable=False),
           sa.Column("locks", sa.Integer(), nullable=False),
           sa.Column("locked_until", TIME, nullable=True),
           sa.Column("last_failure_at", TIME, nullable=True),
           sa.PrimaryKeyConstraint("key"))
    _table("login_audit",
           sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
           sa.Column("at", TIME, nullable=False),
           sa.Column("window", sa.String(length=40), nullable=False),
           sa.Column("clerk", sa.String(length=40), nullable=False),
           sa.Column("device", sa.String(length=60), nullable=False),
           sa.Column("outcome", sa.String(length=16), nullable=False),
           sa.Column("locked_until", TIME, nullable=True),
           sa.PrimaryKeyConstraint("id"),
           indexes=[("ix_login_audit_at", ["at"])])
    _table("ticket_issuers",
           sa.Column("ticket_id", sa.Integer(), autoincrement=False, nullable=False),
           sa.Column("device", sa.String(length=60), nullable=False),
           sa.PrimaryKeyConstraint("ticket_id"))


def downgrade() -> None:
    raise NotImplementedError("hallq upgrades only: restore the copy kept aside instead")
