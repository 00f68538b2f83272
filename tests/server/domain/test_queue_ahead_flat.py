"""How many people are ahead of a ticket comes from the sorted calling order the live queue keeps
(``queue_index``): it answers exactly as counting over every waiting ticket would, and issuing a
ticket walks no queue, so it costs the same with nobody waiting or with ten thousand."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.server.domain import calling, calls
from hallq.server.domain.errors import HallError
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import PriorityReason, Status, Ticket
from tests.server.domain.hallfix import DAY, START, WINDOWS, hall

CODES = ["biz", "tax", "social"]
WINDOW_IDS = [w.id for w in WINDOWS]
steps = st.lists(st.one_of(
    # seconds after the last step (0: the same instant, so ties are broken by the id)
    st.tuples(st.just("issue"), st.sampled_from(CODES), st.booleans(), st.integers(0, 2)),
    st.tuples(st.sampled_from(["next", "skip", "finish"]), st.sampled_from(WINDOW_IDS)),
    st.tuples(st.just("transfer"), st.sampled_from(WINDOW_IDS), st.sampled_from(CODES)),
    st.tuples(st.just("restore"), st.integers(1, 40)),
    st.tuples(st.just("cancel"), st.integers(1, 40)),
    st.tuples(st.just("take_changes"),),
    st.tuples(st.just("reload"),),
), max_size=60)


def naive_ahead(ticket: Ticket, state: QueueState) -> int:
    """The count the queue used to make: a walk over every ticket of the day."""
    return calling.ahead_of(ticket, list(state.tickets.values()), START)


def reloaded(state: QueueState) -> QueueState:
    """The live queue as the server loads it from the database: tickets in any order."""
    return QueueState(state.hall, list(reversed(state.tickets.values())),
                      list(state.windows.values()), state.counters,
                      next_ticket_id=state.next_ticket_id)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_ahead_agrees_with_counting_every_ticket(actions: list[tuple[object, ...]]) -> None:
    state, now, n = QueueState(hall()), START, 0
    for kind, *args in actions:
        now += timedelta(seconds=int(str(args[2])) if kind == "issue" else 1)
        try:
            if kind == "issue":
                n += 1
                service = state.hall.service(str(args[0]))
                assert service is not None
                state.issue(service, DAY, now, f"tok{n}",
                            PriorityReason.GREEN if args[1] else None)
            elif kind in ("next", "skip", "finish"):
                getattr(calls, "call_next" if kind == "next" else kind)(state, str(args[0]), now)
            elif kind == "transfer":
                calls.transfer(state, str(args[0]), str(args[1]), now)
            elif kind == "restore":
                state.restore(int(str(args[0])), now)
            elif kind == "cancel":
                state.cancel(int(str(args[0])), "changed my mind")
            elif kind == "take_changes":
                state.take_changes()
            else:
                state = reloaded(state)
        except HallError:
            pass  # refused: the queue must still answer as the walk does
        by_service: dict[str, list[int]] = {code: [] for code in CODES}
        for ticket in state.tickets.values():
            assert state.ahead(ticket, now) == naive_ahead(ticket, state)
            if ticket.status is Status.WAITING:
                by_service[ticket.service].append(state.ahead(ticket, now))
        for code, places in by_service.items():  # one ticket at each place: 0, 1, 2 …
            assert sorted(places) == list(range(len(places))), code
        counted = Counter(t.service for t in state.tickets.values() if t.status is Status.WAITING)
        assert state.waiting_counts() == {code: counted[code] for code in CODES}


def test_the_tickets_ahead_are_counted_without_looking_at_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issuing with 10,000 waiting looks at as many tickets as issuing with nobody waiting."""
    looked_at = Counter[int]()
    plain = Ticket.is_priority

    def counted(ticket: Ticket) -> bool:
        looked_at[ticket.id] += 1
        return bool(plain.fget(ticket))  # type: ignore[attr-defined]

    def issue_one(state: QueueState, seconds: int) -> tuple[int, dict[str, int]]:
        service = state.hall.service("biz")
        assert service is not None
        now = START + timedelta(seconds=seconds)
        ticket, _ = state.issue(service, DAY, now, f"tok{seconds}")
        return state.ahead(ticket, now), state.waiting_counts()

    empty, full = QueueState(hall()), QueueState(hall())
    for i in range(10_000):
        issue_one(full, i)
    monkeypatch.setattr(Ticket, "is_priority", property(counted))
    assert issue_one(empty, 20_000) == (0, {"biz": 1, "tax": 0, "social": 0})
    looked_at_empty = sum(looked_at.values())
    looked_at.clear()
    assert issue_one(full, 20_000) == (10_000, {"biz": 10_001, "tax": 0, "social": 0})
    assert sum(looked_at.values()) == looked_at_empty
    assert set(looked_at) == {10_001}  # only the new ticket itself
