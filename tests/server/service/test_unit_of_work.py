"""The unit of work under contention: one appointment gives one ticket, one ticket one rating,
and a failed commit leaves memory and disk agreeing (issue 14)."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from hallq.server.bootstrap import Server, build
from hallq.server.domain.errors import Conflict
from hallq.server.service.hall_service import HallService
from tests.server.apifix import ADMIN, HALL, MONDAY_10, FakeClock


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads very often: a race shows up
    built = build(HALL, f"sqlite:///{tmp_path / 'h.db'}", admin_token=ADMIN,
                  clock=FakeClock(MONDAY_10))
    yield built
    sys.setswitchinterval(before)
    built.service.close()
    built.service.store.engine.dispose()


def at_once(threads: int, work: Callable[[], Any]) -> tuple[list[Any], list[BaseException]]:
    """``work`` from ``threads`` threads released together; its results and its errors."""
    start = threading.Barrier(threads)
    results: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            results.append(work())
        except BaseException as exc:
            errors.append(exc)

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=60)
    return results, errors


def rows(server: Server, query: str) -> list[Any]:
    db = server.service.store.engine.url.database
    with sqlite3.connect(str(db)) as conn:
        return conn.execute(query).fetchall()


def test_an_appointment_checked_in_from_many_threads_gives_one_ticket(server: Server) -> None:
    hs: HallService = server.service
    for trial in range(10):
        now = MONDAY_10 + timedelta(minutes=trial)
        booked = hs.book("biz", now - timedelta(minutes=5), now + timedelta(minutes=25))
        tickets, errors = at_once(4, partial(hs.issue, None, appointment=booked.code))
        assert len(tickets) == 1, (trial, tickets)
        assert len(errors) == 3 and all(isinstance(e, Conflict) for e in errors), errors
        assert hs.appointment(booked.code).ticket_id == tickets[0].id
    assert rows(server, "select count(*) from tickets where appointment is not null") == [(10,)]
    assert hs.services()[0].waiting == 10


def test_one_ticket_rated_from_many_threads_keeps_one_rating(server: Server) -> None:
    hs: HallService = server.service
    hs.login("4", "c02", "2345")
    for _ in range(5):
        hs.issue("biz")
        ticket = hs.call_next("4")
        assert ticket is not None
        hs.finish("4")
        ratings, errors = at_once(6, partial(hs.rate, ticket.id, 5, [], "", "pad"))
        assert len(ratings) == 1 and len(errors) == 5, (ratings, errors)
        assert all(isinstance(e, Conflict) and e.code == "already_rated" for e in errors)
    assert rows(server, "select count(*), count(distinct ticket_id) from ratings") == [(5, 5)]


def test_a_failed_commit_leaves_memory_and_disk_agreeing(server: Server) -> None:
    hs: HallService = server.service
    events: list[dict[str, Any]] = []
    hs.publish = events.append
    hs.login("4", "c02", "2345")
    waiting = hs.issue("biz")
    rows(server, "create trigger refuse before update on tickets "
                 "begin select raise(abort, 'the disk refuses'); end")
    events.clear()
    with pytest.raises(Exception, match="the disk refuses"):
        hs.call_next("4")
    assert events == []  # nothing published for what was not committed
    assert hs.ticket_json(hs.find_ticket(waiting.id)).status == "waiting"
    assert rows(server, f"select status from tickets where id = {waiting.id}") == \
        [("waiting",)]
    assert hs.window_json("4").current is None
    rows(server, "drop trigger refuse")
    called = hs.call_next("4")
    assert called is not None and called.id == waiting.id
    assert [e["type"] for e in events] == ["ticket.called"]


def test_a_ticket_and_its_issuing_kiosk_are_committed_together(server: Server) -> None:
    hs: HallService = server.service
    hs.issue("biz", device="kiosk-1")
    assert rows(server, "select device from ticket_issuers") == [("kiosk-1",)]
    rows(server, "create trigger refuse before insert on ticket_issuers "
                 "begin select raise(abort, 'the disk refuses'); end")
    with pytest.raises(Exception, match="the disk refuses"):
        hs.issue("biz", device="kiosk-1")
    assert rows(server, "select count(*) from tickets") == [(1,)]
    assert hs.services()[0].waiting == 1  # the refused ticket is not in memory either
