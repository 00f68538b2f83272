"""Reading and writing the devices' last reports and the follow-ups' note history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.engine import Engine

from hallq.server.domain.devices import DeviceHealth
from hallq.server.domain.follow_up import FollowUpNote
from hallq.server.storage.alarm_tables import DeviceHealthRow, FollowUpNoteRow
from hallq.server.storage.engine import insert_for
from hallq.server.storage.tables import TicketRow

CHUNK = 500  # ids per IN (...): well under any database's limit of parameters


class DeviceStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = insert_for(engine)

    def load(self) -> list[DeviceHealth]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(DeviceHealthRow)).all()
        return [DeviceHealth(r.key, r.device, r.app, r.last_seen, r.window, r.host, r.printer,
                             r.printer_since) for r in rows]

    def save(self, health: DeviceHealth) -> None:
        values = asdict(health)
        keep = {k: v for k, v in values.items() if k != "key"}
        with self.engine.begin() as conn:
            conn.execute(self._insert(DeviceHealthRow).values(**values)
                         .on_conflict_do_update(index_elements=["key"], set_=keep))

    def forget(self, key: str) -> bool:
        with self.engine.begin() as conn:
            found = conn.execute(select(DeviceHealthRow.key)
                                 .where(DeviceHealthRow.key == key)).first()
            if found:
                conn.execute(delete(DeviceHealthRow).where(DeviceHealthRow.key == key))
        return found is not None


def add_notes(conn: Connection, notes: Iterable[FollowUpNote]) -> None:
    """In the command's own transaction (with the follow-up's new status)."""
    for note in notes:
        conn.execute(insert(FollowUpNoteRow).values(
            rating_id=note.rating_id, at=note.at, who=note.who, status=note.status,
            note=note.note))


def notes_of(engine: Engine, rating_ids: Iterable[int]) -> dict[int, list[FollowUpNote]]:
    """The history of these follow-ups, each the oldest note first."""
    ids = list(rating_ids)
    found: dict[int, list[FollowUpNote]] = {i: [] for i in ids}
    with engine.connect() as conn:
        for start in range(0, len(ids), CHUNK):
            rows = conn.execute(select(FollowUpNoteRow)
                                .where(FollowUpNoteRow.rating_id.in_(ids[start:start + CHUNK]))
                                .order_by(FollowUpNoteRow.id)).all()
            for r in rows:
                found[r.rating_id].append(FollowUpNote(r.rating_id, r.at, r.who, r.status,
                                                       r.note, r.id))
    return found


def ticket_numbers(engine: Engine, ticket_ids: Iterable[int]) -> dict[int, str]:
    ids = list(ticket_ids)
    numbers: dict[int, str] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), CHUNK):
            rows = conn.execute(select(TicketRow.id, TicketRow.number).where(
                TicketRow.id.in_(ids[start:start + CHUNK]))).all()
            numbers.update((int(i), str(n)) for i, n in rows)
    return numbers
