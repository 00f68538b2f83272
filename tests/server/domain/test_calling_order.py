"""Property tests of the calling order (DESIGN.md "Calling order for a window")."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.server.domain import calling, calls
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import Status, Ticket
from tests.server.domain.hallfix import START, WINDOWS, Issuer, hall

CODES = ("biz", "tax", "social")
issued_lists = st.lists(st.tuples(st.sampled_from(CODES), st.booleans()), max_size=40)
windows = st.sampled_from([w.id for w in WINDOWS])
weights = st.dictionaries(st.sampled_from(CODES), st.floats(0.2, 5.0), max_size=3)


def call_all(state: QueueState, window: str, issue: Issuer) -> list[Ticket]:
    """The window calls until nobody is left for it."""
    called: list[Ticket] = []
    for _ in range(200):
        ticket, _events = calls.call_next(state, window, issue.tick(7))
        if ticket is None:
            return called
        assert ticket.status is Status.CALLED and ticket.window == window
        called.append(ticket)
    raise AssertionError("the window never ran out of tickets")


@settings(max_examples=150, deadline=None)
@given(issued_lists, windows)
def test_with_no_weights_the_order_is_priority_first_then_oldest(
        issued: list[tuple[str, bool]], window: str) -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    tickets = [issue(code, prio) for code, prio in issued]
    served = next(w.services for w in WINDOWS if w.id == window)

    called = call_all(state, window, issue)

    mine = [t for t in tickets if t.service in served]
    expected = [t for t in mine if t.is_priority] + [t for t in mine if not t.is_priority]
    assert [t.number for t in called] == [t.number for t in expected]
    # the others still wait, untouched
    assert all(t.status is Status.WAITING for t in tickets if t.service not in served)
    # calling the next one finishes the previous one: all but the last are done
    assert all(t.status is Status.DONE for t in called[:-1])


@settings(max_examples=150, deadline=None)
@given(issued_lists, windows, weights)
def test_weights_never_break_the_basic_promises(
        issued: list[tuple[str, bool]], window: str, weight: dict[str, float]) -> None:
    state = QueueState(hall(weight))
    issue = Issuer(state)
    tickets = [issue(code, prio) for code, prio in issued]
    served = next(w.services for w in WINDOWS if w.id == window)

    called = call_all(state, window, issue)

    ids = [t.id for t in called]
    assert len(ids) == len(set(ids)), "a ticket was called twice"
    assert all(t.service in served for t in called), "a ticket of another service was called"
    assert sorted(ids) == sorted(t.id for t in tickets if t.service in served)
    flags = [t.is_priority for t in called]
    assert flags == sorted(flags, reverse=True), "an ordinary ticket before a priority one"
    for code in served:
        for prio in (True, False):
            klass = [t.issued_at for t in called if t.service == code and t.is_priority == prio]
            assert klass == sorted(klass), f"{code} not oldest first"


@settings(max_examples=100, deadline=None)
@given(issued_lists)
def test_two_windows_sharing_services_never_get_the_same_ticket(
        issued: list[tuple[str, bool]]) -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    for code, prio in issued:
        issue(code, prio)
    seen: list[int] = []
    for _ in range(100):
        got = [calls.call_next(state, w, issue.tick())[0] for w in ("1", "3")]
        if not any(got):
            break
        seen += [t.id for t in got if t]
    assert len(seen) == len(set(seen))
    assert len(seen) == sum(1 for c, _ in issued if c in ("biz", "tax", "social"))


def test_ahead_counts_who_is_called_first() -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    a1, a2 = issue("biz"), issue("biz")
    green = issue("biz", priority=True)
    now = issue.tick()
    assert calling.ahead_of(green, state.waiting(), now) == 0
    assert calling.ahead_of(a1, state.waiting(), now) == 1
    assert calling.ahead_of(a2, state.waiting(), now) == 2
    assert calling.choose_next(state.waiting(), ["tax"], now) is None
    assert calling.choose_next(state.waiting(), ["biz"], now) is green


def test_a_window_of_one_service_never_sees_another_services_ticket() -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    issue("tax", priority=True)
    assert calls.call_next(state, "2", START + timedelta(hours=1))[0] is None
