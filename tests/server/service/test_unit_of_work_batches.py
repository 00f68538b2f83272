"""Group commit: commands queued at the same moment are committed together, nobody is answered
before that commit, a failed commit refuses every command it held (memory and disk agreeing),
and each command still sees the ones before it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from hallq.server.bootstrap import Server, build
from hallq.server.domain.errors import Conflict
from hallq.server.service.hall_service import HallService
from tests.server.apifix import ADMIN, HALL, MONDAY_10, FakeClock
from tests.server.service.test_unit_of_work import rows

GATES: list[threading.Event] = []


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    built = build(HALL, f"sqlite:///{tmp_path / 'h.db'}", admin_token=ADMIN,
                  clock=FakeClock(MONDAY_10))
    yield built
    for gate in GATES:  # a failed test does not leave the writer held
        gate.set()
    GATES.clear()
    built.service.close()
    built.service.store.engine.dispose()


class Held:
    """The writer kept busy until :meth:`release`, while commands queue up behind it, each
    from its own thread (as the API's handlers are); their answers or errors by name."""

    def __init__(self, hs: HallService) -> None:
        self.hs, self.gate = hs, threading.Event()
        GATES.append(self.gate)
        self.threads: list[threading.Thread] = []
        self.answers: dict[str, Any] = {}
        self.errors: dict[str, BaseException] = {}
        busy = threading.Event()

        def hold() -> None:
            busy.set()
            self.gate.wait()
        self._queue(hold)
        assert busy.wait(10)  # the writer runs it: what comes next waits in its queue

    def _queue(self, fn: Callable[[], Any], name: str = "") -> None:
        def run() -> None:
            try:
                self.answers[name] = self.hs.work.on_writer(fn)
            except BaseException as e:
                self.errors[name] = e
        before = self.hs.work.queued()
        thread = threading.Thread(target=run)
        thread.start()
        self.threads.append(thread)
        deadline = time.monotonic() + 10  # queued in this order, behind the busy writer
        while self.hs.work.queued() == before and name:
            assert time.monotonic() < deadline
            time.sleep(0.001)

    def queue(self, name: str, fn: Callable[[], Any]) -> None:
        self._queue(fn, name)

    def release(self) -> None:
        self.gate.set()
        for thread in self.threads:
            thread.join(timeout=30)


def commits(hs: HallService) -> list[int]:
    counted = [0]

    def count(_conn: Any) -> None:
        counted[0] += 1
    event.listen(hs.store.engine, "commit", count)
    return counted


def test_commands_queued_together_are_committed_once_and_answered_as_published(
        server: Server) -> None:
    hs = server.service
    published: list[dict[str, Any]] = []
    hs.publish = published.append
    held = Held(hs)
    for i in range(8):
        held.queue(f"kiosk{i}", partial(hs.issue, "biz"))
    assert held.answers == {}  # nobody answered before the commit
    counted = commits(hs)
    held.release()
    assert held.errors == {}
    assert counted[0] == 1  # eight tickets, one transaction
    numbers = [held.answers[f"kiosk{i}"].number for i in range(8)]
    assert numbers == [f"A{n:03d}" for n in range(1, 9)]
    assert rows(server, "select count(*) from tickets") == [(8,)]
    issued = [e for e in published if e["type"] == "ticket.issued"]
    assert [e["seq"] for e in issued] == sorted(e["seq"] for e in issued)
    for i, e in enumerate(issued):  # each event shows its ticket as its kiosk was answered
        answer = held.answers[f"kiosk{i}"].model_dump(mode="json", exclude_unset=True,
                                                      exclude={"status_url"})
        assert e["ticket"] == answer
        assert e["ticket"]["waiting_ahead"] == i


def test_a_command_sees_the_commands_before_it_in_its_batch(server: Server) -> None:
    hs = server.service
    hs.login("4", "c02", "2345")
    held = Held(hs)
    held.queue("kiosk", partial(hs.issue, "biz"))
    held.queue("pad", partial(hs.call_next, "4"))
    held.queue("finish", partial(hs.finish, "4"))
    held.release()
    assert held.errors == {}
    assert held.answers["pad"].number == held.answers["kiosk"].number == "A001"
    assert held.answers["finish"].status == "done"
    assert rows(server, "select status from tickets") == [("done",)]


def test_a_failed_group_commit_refuses_every_command_it_held(server: Server) -> None:
    hs = server.service
    published: list[dict[str, Any]] = []
    hs.publish = published.append
    rows(server, "create trigger refuse before insert on tickets "
                 "begin select raise(abort, 'the disk refuses'); end")
    held = Held(hs)
    for i in range(5):
        held.queue(f"kiosk{i}", partial(hs.issue, "biz"))
    held.release()
    assert held.answers == {"": None}  # only the job that held the writer
    assert sorted(held.errors) == [f"kiosk{i}" for i in range(5)]
    assert all("the disk refuses" in str(e) for e in held.errors.values())
    assert published == []  # nothing published for what was not committed
    assert hs.services()[0].waiting == 0  # memory agrees with the disk
    rows(server, "drop trigger refuse")
    assert hs.issue("biz").number == "A001"
    assert [e["type"] for e in published] == ["ticket.issued"]


def test_a_refused_rating_in_a_batch_refuses_only_itself(server: Server) -> None:
    hs = server.service
    hs.login("4", "c02", "2345")
    hs.issue("biz")
    ticket = hs.call_next("4")
    assert ticket is not None
    hs.finish("4")
    hs.rate(ticket.id, 5, [], "", "pad")
    held = Held(hs)
    held.queue("kiosk1", partial(hs.issue, "biz"))
    held.queue("again", partial(hs.rate, ticket.id, 4, [], "", "pad"))
    held.queue("kiosk2", partial(hs.issue, "biz"))
    held.release()
    assert isinstance(held.errors.pop("again"), Conflict)
    assert held.errors == {}
    assert [held.answers[k].number for k in ("kiosk1", "kiosk2")] == ["A002", "A003"]
    assert rows(server, "select count(*) from tickets") == [(3,)]
    assert rows(server, "select score from ratings") == [(5,)]


def test_a_command_whose_caller_gave_up_before_it_ran_is_not_run(server: Server) -> None:
    """A request cancelled while its command waits in the queue (the client hung up, the
    server shuts down): the command never runs, and the writer goes on with the others."""
    hs = server.service
    held = Held(hs)
    ran: list[str] = []

    async def give_up() -> None:
        gone = hs.submit(ran.append, "gone")
        kept = hs.submit(ran.append, "kept")
        gone.cancel()
        await asyncio.sleep(0)  # the loop passes the cancellation on to the writer's future
        held.release()
        await asyncio.wait_for(kept, 10)  # (a writer thread that died never answers)

    asyncio.run(give_up())
    assert ran == ["kept"]
    assert hs.work.on_writer(ran.append, "after") is None and ran == ["kept", "after"]
