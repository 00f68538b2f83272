"""Tables of the live configuration (issue 11): one row per configured item, and the audit log.
New tables (not new columns), so ``create_all`` adds them to an existing database; the lead
folds them into the Alembic revisions once those land."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class ConfigItemRow(Base):
    """``[hall]``, ``[policy]`` or one service, window, clerk or device: its TOML keys as JSON,
    its place among its kind and a version that each change raises by one."""

    __tablename__ = "config_items"
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    id: Mapped[str] = mapped_column(String(60), primary_key=True)  # "" for hall and policy
    position: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    """Who changed what, when, with the item before and after (secrets left out)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    who: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(80))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
