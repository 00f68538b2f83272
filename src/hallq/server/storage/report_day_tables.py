"""The per-day summary of the period reports (docs/reports.md, "The per-day summary").

``report_days``: one row per closed day that has (or had) a summary: the generation that any
later change of the day's rows raises, and the fingerprint of what the figures depended on
(the services' target times, the hall's UTC offset); no fingerprint: no valid summary.
``report_day_sums``: one row per closed day and group (the hall, each service, window, clerk,
hour of day, pause reason) with the sums the figures need and the wait histogram.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class ReportDayRow(Base):
    __tablename__ = "report_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str | None] = mapped_column(Text)
    made_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReportDaySumRow(Base):
    __tablename__ = "report_day_sums"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dim: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    issued: Mapped[int] = mapped_column(Integer)
    served: Mapped[int] = mapped_column(Integer)
    missed: Mapped[int] = mapped_column(Integer)
    cancelled: Mapped[int] = mapped_column(Integer)
    waited: Mapped[int] = mapped_column(Integer)
    wait_s: Mapped[float] = mapped_column(Float)
    longest_wait_s: Mapped[float] = mapped_column(Float)
    timed: Mapped[int] = mapped_column(Integer)
    service_s: Mapped[float] = mapped_column(Float)
    within_target: Mapped[int] = mapped_column(Integer)
    r1: Mapped[int] = mapped_column(Integer)
    r2: Mapped[int] = mapped_column(Integer)
    r3: Mapped[int] = mapped_column(Integer)
    r4: Mapped[int] = mapped_column(Integer)
    r5: Mapped[int] = mapped_column(Integer)
    paused_s: Mapped[float] = mapped_column(Float)
    # the wait histogram: 32-bit little-endian counts, bucket 0 first, trailing zeros cut
    # (report_period.BUCKETS); last, so that adding up the sums does not read it
    waits: Mapped[bytes] = mapped_column(LargeBinary)
