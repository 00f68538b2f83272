"""Numbers: the service prefix and a zero-padded daily sequence, restarting each day."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import Status, format_number
from tests.server.domain.hallfix import DAY, START, Issuer, hall


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["biz", "tax", "social"]), max_size=60),
       st.lists(st.sampled_from(["biz", "tax", "social"]), max_size=20))
def test_numbers_are_consecutive_per_service_and_restart_on_a_new_day(
        day_one: list[str], day_two: list[str]) -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    prefix = {"biz": "A", "tax": "E", "social": "C"}
    numbers: dict[str, list[str]] = defaultdict(list)
    for code in day_one:
        numbers[code].append(issue(code).number)
    for code, got in numbers.items():
        assert got == [f"{prefix[code]}{i:03d}" for i in range(1, len(got) + 1)]
    assert len({t.number for t in state.tickets.values()}) == len(day_one)

    tomorrow = DAY + timedelta(days=1)
    state.roll_day(tomorrow)
    issue.day, issue.now = tomorrow, START + timedelta(days=1)
    again: dict[str, list[str]] = defaultdict(list)
    for code in day_two:
        again[code].append(issue(code).number)
    for code, got in again.items():
        assert got[0] == f"{prefix[code]}001"
        assert len(set(got)) == len(got)


def test_roll_day_cancels_what_still_waits_and_keeps_what_is_at_a_window() -> None:
    from hallq.server.domain import calls

    state = QueueState(hall())
    issue = Issuer(state)
    waiting, at_window = issue("biz"), issue("tax")
    calls.call_next(state, "3", issue.tick())
    events = state.roll_day(DAY + timedelta(days=1))
    assert waiting.status is Status.CANCELLED and waiting.cancel_reason == "day_closed"
    assert [(e.type, e.ticket) for e in events] == [("ticket.cancelled", waiting.id)]
    assert at_window.status is Status.CALLED
    assert state.counters == {}


def test_numbers_past_999_keep_growing() -> None:
    assert format_number("A", 7) == "A007"
    assert format_number("AB", 999) == "AB999"
    assert format_number("A", 1000) == "A1000"


def test_ticket_ids_are_unique_across_days() -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    first = issue("biz")
    issue.day = DAY + timedelta(days=1)
    second = issue("biz")
    assert first.number == second.number == "A001"
    assert first.id != second.id


def test_a_missed_ticket_stays_missed_after_the_day_rolls() -> None:
    from hallq.server.domain import calls

    state = QueueState(hall())
    issue = Issuer(state)
    missed = issue("biz")
    calls.call_next(state, "2", issue.tick())
    calls.skip(state, "2", issue.tick())
    assert state.roll_day(DAY + timedelta(days=1)) == []
    assert missed.status is Status.MISSED and missed.id not in state.tickets
