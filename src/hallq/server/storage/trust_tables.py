"""Tables added for issue 15: login guards and their audit, and who issued each ticket.
Part of the baseline revision (migrations/versions/0001_baseline.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class LoginGuardRow(Base):
    __tablename__ = "login_guards"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)  # clerk:c01, window:4
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locks: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_failure_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginAuditRow(Base):
    """One line per log-in attempt: who, where, from which device, what came of it; never
    the PIN."""

    __tablename__ = "login_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    window: Mapped[str] = mapped_column(String(40))
    clerk: Mapped[str] = mapped_column(String(40))
    device: Mapped[str] = mapped_column(String(60), default="")
    outcome: Mapped[str] = mapped_column(String(16))  # ok | wrong_pin | locked | refused
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TicketIssuerRow(Base):
    """The device that issued a ticket (a kiosk may cancel only its own tickets)."""

    __tablename__ = "ticket_issuers"
    ticket_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    device: Mapped[str] = mapped_column(String(60))
