"""The live queue's index of open tickets by service answers exactly as a walk over every ticket
would, whatever windows do (transfers move tickets between services), with or without the
command's changes taken yet."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.server.domain import calling, calls
from hallq.server.domain.errors import HallError
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import Status
from tests.server.domain.hallfix import WINDOWS, Issuer, hall

CODES = ["biz", "tax", "social"]
WINDOW_IDS = [w.id for w in WINDOWS]
actions = st.lists(st.one_of(
    st.tuples(st.just("issue"), st.sampled_from(CODES), st.booleans()),
    st.tuples(st.sampled_from(["next", "skip", "finish"]), st.sampled_from(WINDOW_IDS)),
    st.tuples(st.just("transfer"), st.sampled_from(WINDOW_IDS), st.sampled_from(CODES)),
    st.tuples(st.just("restore"), st.integers(1, 40)),
    st.tuples(st.just("take_changes"),),
), max_size=60)


def run(state: QueueState, issue: Issuer, action: tuple[object, ...]) -> None:
    kind, *args = action
    now = issue.tick()
    try:
        if kind == "issue":
            issue(str(args[0]), bool(args[1]))
        elif kind == "next":
            calls.call_next(state, str(args[0]), now)
        elif kind == "skip":
            calls.skip(state, str(args[0]), now)
        elif kind == "finish":
            calls.finish(state, str(args[0]), now)
        elif kind == "transfer":
            calls.transfer(state, str(args[0]), str(args[1]), now)
        elif kind == "restore":
            state.restore(int(str(args[0])), now)
        else:
            state.take_changes()
    except HallError:
        pass  # refused (nothing to skip, not missed …): the state must still be consistent


@settings(max_examples=300, deadline=None)
@given(actions)
def test_the_index_agrees_with_a_walk_over_every_ticket(steps: list[tuple[object, ...]]) -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    for step in steps:
        run(state, issue, step)
        walked = [t for t in state.tickets.values() if t.status is Status.WAITING]
        counted = Counter(t.service for t in walked)
        assert state.waiting_counts() == {code: counted[code] for code in CODES}
        for code in CODES:  # the alarms' "waited longest since" and "how many for long"
            mine = [t for t in walked if t.service == code]
            assert state.oldest_waiting(code) == min((t.queued_at for t in mine), default=None)
            first = state.longest_waiting(code)
            assert (first.queued_at if first else None) == state.oldest_waiting(code)
            for cutoff in {t.queued_at for t in mine} | {issue.now}:
                assert state.waiting_since_before(code, cutoff) == \
                    sum(t.queued_at < cutoff for t in mine)
        for window in WINDOWS:
            mine = [t for t in walked if t.service in window.services]
            assert sorted(t.id for t in state.waiting(window.services)) == \
                sorted(t.id for t in mine)
            assert calling.choose_next(state.waiting(window.services), window.services,
                                       issue.now, state.weights) is \
                calling.choose_next(mine, window.services, issue.now, state.weights)
        for ticket in walked:
            assert state.ahead(ticket, issue.now) == calling.ahead_of(ticket, walked, issue.now)


def test_a_transferred_ticket_waits_in_its_new_services_queue_at_once() -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    ticket = issue("tax")
    calls.call_next(state, "3", issue.tick())
    calls.transfer(state, "3", "biz", issue.tick())  # no take_changes: still inside the command
    assert state.waiting_counts() == {"biz": 1, "tax": 0, "social": 0}
    assert state.waiting(["biz"]) == [ticket] and state.waiting(["tax", "social"]) == []
    assert calls.call_next(state, "2", issue.tick())[0] is ticket  # window 2 serves biz only
