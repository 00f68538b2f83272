"""The devices' last reports and the follow-ups' notes in the database: SQLite, and PostgreSQL
when ``HALLQ_TEST_PG_URL`` is set. A report is replaced by the next; notes are only added."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from hallq.server.domain.devices import heartbeat
from hallq.server.domain.follow_up import FollowUpNote
from hallq.server.storage.alarm_store import DeviceStore, add_notes, notes_of, ticket_numbers
from hallq.server.storage.alarm_tables import DeviceHealthRow, FollowUpNoteRow
from hallq.server.storage.engine import open_engine
from hallq.server.storage.tables import TicketRow
from tests.server.pgfix import NEEDS_POSTGRES
from tests.server.pgfix import URL as PG_URL

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=NEEDS_POSTGRES)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'h.db'}" if request.param == "sqlite" else PG_URL
    found = open_engine(url)
    for row in (DeviceHealthRow, FollowUpNoteRow, TicketRow):
        with found.begin() as conn:
            conn.execute(row.__table__.delete())  # type: ignore[attr-defined]
    yield found
    found.dispose()


def test_a_device_report_replaces_the_last_and_is_forgotten_on_request(engine: Engine) -> None:
    store = DeviceStore(engine)
    first = heartbeat(None, "kiosk-1", "kiosk", "kiosk", None, "pc1", "paper_out", NOW)
    store.save(first)
    later = NOW + timedelta(minutes=5)
    store.save(heartbeat(first, "kiosk-1", "kiosk", "kiosk", None, "pc1", "ok", later))
    [kept] = store.load()
    assert (kept.key, kept.printer, kept.last_seen, kept.printer_since) == (
        "kiosk-1/kiosk/pc1", "ok", later, later)
    assert store.forget("kiosk-1/kiosk/pc1") and not store.forget("kiosk-1/kiosk/pc1")
    assert store.load() == []


def test_notes_are_added_in_order_and_read_by_rating_in_chunks(engine: Engine) -> None:
    with engine.begin() as conn:
        add_notes(conn, [FollowUpNote(7, NOW, "duty", "contacted", "已联系"),
                         FollowUpNote(7, NOW + timedelta(hours=1), "duty", "resolved", ""),
                         FollowUpNote(8, NOW, "boss", "contacted", "已回访")])
    found = notes_of(engine, [7, 8, 9])
    assert [(n.who, n.status, n.note) for n in found[7]] == [
        ("duty", "contacted", "已联系"), ("duty", "resolved", "")]
    assert found[7][1].at == NOW + timedelta(hours=1) and found[9] == []
    with engine.begin() as conn:  # more tickets than one IN (...) takes
        conn.execute(insert(TicketRow), [
            {"id": i, "number": f"A{i:03d}", "service": "biz", "day": NOW.date(), "seq": i,
             "token": f"t{i}", "issued_at": NOW, "queued_at": NOW, "status": "done"}
            for i in range(1, 1201)])
    numbers = ticket_numbers(engine, range(1, 1202))
    assert len(numbers) == 1200 and numbers[1200] == "A1200"
