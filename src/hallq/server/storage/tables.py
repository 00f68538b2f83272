"""The database tables (SQLAlchemy 2 typed mappings). Times are stored as UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class TicketRow(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    number: Mapped[str] = mapped_column(String(8))
    service: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12))
    priority: Mapped[str | None] = mapped_column(String(12))
    window: Mapped[str | None] = mapped_column(String(40))
    clerk: Mapped[str | None] = mapped_column(String(40))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    first_service: Mapped[str | None] = mapped_column(String(40))
    appointment: Mapped[str | None] = mapped_column(String(40))
    cancel_reason: Mapped[str] = mapped_column(String(40), default="")
    __table_args__ = (
        Index("ix_tickets_day", "day"),
        Index("ix_tickets_open", "status"),
        Index("ix_tickets_service_done", "service", "finished_at"),
    )


class CounterRow(Base):
    __tablename__ = "counters"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    service: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class WindowRow(Base):
    __tablename__ = "windows"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(12))
    clerk: Mapped[str | None] = mapped_column(String(40))
    current: Mapped[int | None] = mapped_column(Integer)
    pause_reason: Mapped[str] = mapped_column(String(40), default="")
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_finished: Mapped[int | None] = mapped_column(Integer)


class PauseRow(Base):
    __tablename__ = "pauses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    window: Mapped[str] = mapped_column(String(40))
    clerk: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date, index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RatingRow(Base):
    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(Integer, unique=True)
    score: Mapped[int] = mapped_column(Integer)
    window: Mapped[str | None] = mapped_column(String(40))
    clerk: Mapped[str | None] = mapped_column(String(40))
    service: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date, index=True)
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(12))
    reasons: Mapped[str] = mapped_column(Text, default="")  # one per line
    comment: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str | None] = mapped_column(String(12), index=True)
    follow_up_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    follow_up_note: Mapped[str] = mapped_column(Text, default="")


class AppointmentRow(Base):
    __tablename__ = "appointments"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    service: Mapped[str] = mapped_column(String(40))
    slot_start: Mapped[datetime] = mapped_column(UTCDateTime)
    slot_end: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12))
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    citizen_digest: Mapped[str] = mapped_column(String(64), default="")
    citizen_masked: Mapped[str] = mapped_column(String(40), default="")


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
