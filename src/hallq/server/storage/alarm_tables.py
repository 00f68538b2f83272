"""Tables of issue 10's alarms and follow-ups: the devices' last reports, and the append-only
history of every bad rating's follow-up (9.5). New tables, so ``create_all`` adds them to an
existing database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class DeviceHealthRow(Base):
    """A reporting app's last heartbeat (kept so that a restart still knows the hall's devices:
    one that never reports again is an alarm)."""

    __tablename__ = "device_health"
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    device: Mapped[str] = mapped_column(String(60))
    app: Mapped[str] = mapped_column(String(12))
    window: Mapped[str | None] = mapped_column(String(40))
    host: Mapped[str] = mapped_column(String(60), default="")
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    printer: Mapped[str | None] = mapped_column(String(12))
    printer_since: Mapped[datetime | None] = mapped_column(UTCDateTime)


class FollowUpNoteRow(Base):
    """One entry of a follow-up's history: inserted, never updated or deleted."""

    __tablename__ = "follow_up_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rating_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    who: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
