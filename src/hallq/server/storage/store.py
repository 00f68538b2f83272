"""The storage adapter: loads the live queue at start and saves each command's changes in one
transaction. The only module of the server that talks SQL."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from hallq.server.domain.appointments import Appointment
from hallq.server.domain.errors import Conflict
from hallq.server.domain.follow_up import FollowUpNote
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import Changes, QueueState
from hallq.server.domain.rating import Rating
from hallq.server.domain.ticket import Ticket
from hallq.server.storage import config_store, report_day_store
from hallq.server.storage import mapping as m
from hallq.server.storage.alarm_store import add_notes
from hallq.server.storage.config_store import ConfigWrite
from hallq.server.storage.engine import insert_for
from hallq.server.storage.tables import (
    AppointmentRow,
    Base,
    CounterRow,
    MetaRow,
    PauseRow,
    RatingRow,
    TicketRow,
    WindowRow,
)
from hallq.server.storage.trust_tables import TicketIssuerRow

OPEN = ("waiting", "called")  # missed tickets of earlier days stay in the past


class Store:
    def __init__(self, engine: Engine, timezone: str) -> None:
        self.engine = engine
        self.tz = ZoneInfo(timezone)
        self._insert = insert_for(engine)
        self._upserts: dict[type[Base], Any] = {}

    def _upsert(self, conn: Connection, row: type[Base], values: list[dict[str, Any]],
                keys: Iterable[str]) -> None:
        """Insert or update rows by key, as one prepared statement per table (executemany)."""
        if not values:
            return
        keys = tuple(keys)
        statement = self._upserts.get(row)
        if statement is None:
            base = self._insert(row)
            statement = base.on_conflict_do_update(
                index_elements=list(keys),
                set_={c.name: base.excluded[c.name] for c in row.__table__.columns
                      if c.name not in keys})
            self._upserts[row] = statement
        conn.execute(statement, values)

    # ---- the live queue ----------------------------------------------------------------
    def load_state(self, hall: Hall, today: date) -> QueueState:
        with self.engine.connect() as conn:
            tickets = [m.ticket_from(r) for r in conn.execute(
                select(TicketRow).where(or_(TicketRow.day == today,
                                            TicketRow.status.in_(OPEN)))).all()]
            windows = [m.window_from(r) for r in conn.execute(select(WindowRow)).all()]
            counters = {(r.day, r.service): r.seq for r in conn.execute(
                select(CounterRow).where(CounterRow.day >= today)).all()}
            pauses = [m.pause_from(r) for r in conn.execute(
                select(PauseRow).where(PauseRow.ended_at.is_(None))).all()]
            next_ticket = (conn.execute(select(func.max(TicketRow.id))).scalar() or 0) + 1
            next_pause = (conn.execute(select(func.max(PauseRow.id))).scalar() or 0) + 1
            times: dict[str, list[float]] = {}
            for service in hall.services:
                rows = conn.execute(
                    select(TicketRow.called_at, TicketRow.finished_at)
                    .where(TicketRow.service == service.code, TicketRow.status == "done",
                           TicketRow.finished_at.is_not(None))
                    .order_by(TicketRow.finished_at.desc())
                    .limit(hall.policy.estimate_window)).all()
                times[service.code] = [
                    (f - c).total_seconds() for c, f in reversed(rows) if c and f]
        return QueueState(hall, tickets, windows, counters, pauses, next_ticket, next_pause, times)

    def save(self, state: QueueState, changes: Changes, appointments: Sequence[Appointment] = (),
             booked: Sequence[Appointment] = (), ratings: Sequence[Rating] = (),
             follow_ups: Sequence[Rating] = (),
             issuers: Sequence[tuple[int, str]] = (),
             notes: Sequence[FollowUpNote] = (), config: ConfigWrite | None = None,
             today: date | None = None) -> None:
        """One command's changes in one transaction: all of them or (raising) none; a change
        of a day before ``today`` forgets that day's report summary (report_day_store)."""
        try:
            with self.engine.begin() as conn:
                if config is not None:  # first: a stale version refuses the whole command
                    config_store.write(conn, config)
                self._upsert(conn, TicketRow, [m.ticket_values(state.tickets[i])
                                               for i in sorted(changes.tickets)], ["id"])
                self._upsert(conn, WindowRow, [m.window_values(state.windows[w])
                                               for w in sorted(changes.windows)], ["id"])
                self._upsert(conn, PauseRow, [m.pause_values(state.pauses[p], self.tz)
                                              for p in sorted(changes.pauses)], ["id"])
                self._upsert(conn, CounterRow, [
                    {"day": d, "service": s, "seq": state.counters[d, s]}
                    for d, s in sorted(changes.counters)], ["day", "service"])
                self._upsert(conn, AppointmentRow,
                             [m.appointment_values(a) for a in appointments], ["code"])
                for a in booked:
                    conn.execute(insert(AppointmentRow).values(**m.appointment_values(a)))
                for rating in ratings:
                    result = conn.execute(insert(RatingRow).values(
                        **m.rating_values(rating, self.tz)))
                    rating.id = int(result.inserted_primary_key[0])  # type: ignore[index]
                for ticket_id, device in issuers:
                    conn.execute(self._insert(TicketIssuerRow).values(
                        ticket_id=ticket_id, device=device[:60])
                        .on_conflict_do_nothing(index_elements=["ticket_id"]))
                for rating in follow_ups:
                    conn.execute(update(RatingRow).where(RatingRow.id == rating.id).values(
                        follow_up=rating.follow_up.value if rating.follow_up else None,
                        follow_up_note=rating.follow_up_note))
                add_notes(conn, notes)
                if today is not None:
                    report_day_store.forget(conn, report_day_store.past_days(
                        state, changes, ratings, self.tz, today))
        except IntegrityError:
            if booked:
                raise Conflict("an appointment code is already taken",
                               code="code_taken") from None
            if ratings:
                raise Conflict("this ticket was already rated; one rating per ticket",
                               code="already_rated") from None
            raise

    def ticket(self, ticket_id: int) -> Ticket | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(TicketRow).where(TicketRow.id == ticket_id)).first()
        return m.ticket_from(row) if row else None

    def ticket_by_token(self, token: str) -> Ticket | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(TicketRow).where(TicketRow.token == token)).first()
        return m.ticket_from(row) if row else None

    # ---- ratings and follow-ups ----------------------------------------------------------
    def rating_for(self, ticket_id: int) -> Rating | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(RatingRow).where(RatingRow.ticket_id == ticket_id)).first()
        return m.rating_from(row) if row else None

    def follow_ups(self, status: str | None) -> list[Rating]:
        query = select(RatingRow).where(RatingRow.follow_up.is_not(None))
        if status:
            query = query.where(RatingRow.follow_up == status)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(RatingRow.follow_up_due)).all()
        return [m.rating_from(r) for r in rows]

    def rating(self, rating_id: int) -> Rating | None:
        if not 0 < rating_id < 2**31:  # beyond the database's integer: no such rating
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(RatingRow).where(RatingRow.id == rating_id)).first()
        return m.rating_from(row) if row else None

    # ---- appointments and secrets ---------------------------------------------------------
    def appointment(self, code: str) -> Appointment | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(AppointmentRow).where(AppointmentRow.code == code)).first()
        return m.appointment_from(row) if row else None

    def appointments_between(self, start: datetime, end: datetime) -> list[Appointment]:
        """The appointments whose slot starts in [start, end), by slot and code."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(AppointmentRow)
                                .where(AppointmentRow.slot_start >= start,
                                       AppointmentRow.slot_start < end)
                                .order_by(AppointmentRow.slot_start, AppointmentRow.code)).all()
        return [m.appointment_from(row) for row in rows]

    def secret(self) -> str:
        """The hall's own key for hashing citizens' numbers; made once, kept in the database."""
        with self.engine.begin() as conn:
            value = conn.execute(select(MetaRow.value).where(MetaRow.key == "secret")).scalar()
            if value is None:
                value = secrets.token_hex(32)
                conn.execute(insert(MetaRow).values(key="secret", value=value))
        return str(value)
