"""The console's tables: accounts, sessions and the console's audit log (their migration:
migrations/versions/0002_console_accounts.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class ConsoleUserRow(Base):
    """An account of the console, with its guard against password guessing."""

    __tablename__ = "console_users"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # viewer | supervisor | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locks: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_failure_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ConsoleSessionRow(Base):
    """A logged-in browser. The cookie holds a random token; only its SHA-256 is kept here, so
    the database alone does not give anyone a session."""

    __tablename__ = "console_sessions"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user: Mapped[str] = mapped_column(String(40), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConsoleAuditRow(Base):
    """One line per log-in attempt and per change made from the console: who, when, what."""

    __tablename__ = "console_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))  # login | logout | pause | resume | …
    target: Mapped[str] = mapped_column(String(80), default="")
    outcome: Mapped[str] = mapped_column(String(20))  # ok | wrong_password | locked | …
    address: Mapped[str] = mapped_column(String(60), default="")
