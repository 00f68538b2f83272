"""Transfer, skip, restore, recall, pause, login: what a window does (domain only)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hallq.server.domain import calls, windows
from hallq.server.domain.errors import Conflict, Forbidden, Invalid, NotFound
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import PriorityReason, Status, WindowStatus
from tests.server.domain.hallfix import Issuer, hall


@pytest.fixture
def state() -> QueueState:
    return QueueState(hall())


def test_transfer_keeps_the_number_and_goes_ahead_of_ordinary_tickets(state: QueueState) -> None:
    issue = Issuer(state)
    older_tax = [issue("tax") for _ in range(3)]
    biz = issue("biz")
    called, _ = calls.call_next(state, "2", issue.tick())
    assert called is biz
    moved, events = calls.transfer(state, "2", "tax", issue.tick())
    assert moved.number == "A001" and moved.service == "tax"
    assert moved.status is Status.WAITING and moved.priority is PriorityReason.TRANSFER
    assert moved.first_service == "biz"
    assert events[0].type == "ticket.transferred"
    assert events[0].data == {"from_service": "biz", "to_service": "tax"}
    assert state.window("2").current is None
    nxt, _ = calls.call_next(state, "3", issue.tick())
    assert nxt is moved, "the transferred ticket goes before the older ordinary ones"
    assert calls.call_next(state, "3", issue.tick())[0] is older_tax[0]


def test_transfer_refuses_same_service_unknown_service_and_empty_window(
        state: QueueState) -> None:
    issue = Issuer(state)
    issue("biz")
    with pytest.raises(Conflict, match="no ticket to transfer"):
        calls.transfer(state, "2", "tax", issue.tick())
    calls.call_next(state, "2", issue.tick())
    with pytest.raises(Conflict, match="already for biz"):
        calls.transfer(state, "2", "biz", issue.tick())
    with pytest.raises(Invalid) as err:
        calls.transfer(state, "2", "nosuch", issue.tick())
    assert err.value.field == "service"


def test_skip_makes_missed_and_restore_waits_again_at_the_back(state: QueueState) -> None:
    issue = Issuer(state)
    first, second, third = issue("biz"), issue("biz"), issue("biz")
    calls.call_next(state, "2", issue.tick())
    skipped, events = calls.skip(state, "2", issue.tick())
    assert skipped is first and first.status is Status.MISSED
    assert events[0].type == "ticket.missed"
    assert state.window("2").current is None
    with pytest.raises(Conflict):
        state.restore(second.id, issue.tick())  # waiting, not missed
    state.restore(first.id, issue.tick())
    restored = state.ticket(first.id)  # the same ticket, read again after the command
    assert restored is first and restored.status is Status.WAITING
    order = [calls.call_next(state, "2", issue.tick())[0] for _ in range(3)]
    assert order == [second, third, first]


def test_recall_needs_a_current_ticket_and_counts(state: QueueState) -> None:
    issue = Issuer(state)
    with pytest.raises(Conflict, match="no ticket to recall"):
        calls.recall(state, "1")
    issue("biz")
    calls.call_next(state, "1", issue.tick())
    ticket, events = calls.recall(state, "1")
    assert ticket.recalls == 1 and events[0].type == "ticket.recalled"
    assert calls.recall(state, "1")[0].recalls == 2


def test_call_a_given_number(state: QueueState) -> None:
    issue = Issuer(state)
    issue("biz")
    second = issue("biz")
    tax = issue("tax")
    got, _ = calls.call_number(state, "2", " a002 ", issue.tick())
    assert got is second and second.window == "2"
    with pytest.raises(Conflict, match="does not serve"):
        calls.call_number(state, "2", tax.number, issue.tick())
    with pytest.raises(NotFound):
        calls.call_number(state, "2", "A999", issue.tick())
    with pytest.raises(Conflict, match="is called"):
        calls.call_number(state, "1", "A002", issue.tick())


def test_pause_needs_a_configured_reason_and_no_current_ticket(state: QueueState) -> None:
    issue = Issuer(state)
    issue("biz")
    calls.call_next(state, "2", issue.tick())
    with pytest.raises(Invalid) as err:
        windows.pause(state, "2", "想休息", issue.tick())
    assert err.value.field == "reason"
    with pytest.raises(Invalid):
        windows.pause(state, "2", "  ", issue.tick())
    with pytest.raises(Conflict, match="serving A001"):
        windows.pause(state, "2", "会议", issue.tick())
    calls.finish(state, "2", issue.tick())
    events = windows.pause(state, "2", "会议", issue.tick())
    assert events[0].type == "window.paused" and events[0].data == {"reason": "会议"}
    win = state.window("2")
    assert win.status is WindowStatus.PAUSED and win.pause_reason == "会议"
    with pytest.raises(Conflict, match="already paused"):
        windows.pause(state, "2", "午休", issue.tick())
    assert [e.type for e in windows.resume(state, "2", issue.tick())] == ["window.resumed"]
    assert state.pauses[1].ended_at is not None
    with pytest.raises(Conflict, match="not paused"):
        windows.resume(state, "2", issue.tick())


def test_calling_on_a_paused_window_resumes_it(state: QueueState) -> None:
    issue = Issuer(state)
    calls.call_next(state, "2", issue.tick())  # opens the window (no clerks configured)
    windows.pause(state, "2", "午休", issue.tick())
    issue("biz")
    ticket, events = calls.call_next(state, "2", issue.tick() + timedelta(minutes=30))
    assert ticket is not None
    assert [e.type for e in events] == ["window.resumed", "ticket.called"]


def test_login_with_pin_and_window_needs_a_clerk() -> None:
    state = QueueState(hall(clerks=True))
    issue = Issuer(state)
    issue("biz")
    with pytest.raises(Conflict, match="clerk must log in"):
        calls.call_next(state, "1", issue.tick())
    with pytest.raises(Forbidden):
        windows.authenticate(state.hall, "c01", "0000")
    with pytest.raises(Forbidden):
        windows.authenticate(state.hall, "nobody", "1234")
    clerk = windows.authenticate(state.hall, "c01", "1234")
    with pytest.raises(Forbidden, match="not assigned"):
        windows.login(state, "3", clerk)
    events = windows.login(state, "1", clerk)
    assert events[-1].type == "window.opened"
    assert events[-1].data["clerk"] == {"id": "c01", "name": "王芳", "job_number": "ZW001"}
    ticket, _ = calls.call_next(state, "1", issue.tick())
    assert ticket is not None and ticket.clerk == "c01"
    with pytest.raises(Conflict, match="serving A001"):
        windows.logout(state, "1", issue.tick())
    calls.finish(state, "1", issue.tick())
    assert [e.type for e in windows.logout(state, "1", issue.tick())] == ["window.closed"]
    assert state.window("1").status is WindowStatus.CLOSED


def test_a_clerk_moving_to_another_window_closes_the_first() -> None:
    state = QueueState(hall(clerks=True))
    clerk = windows.authenticate(state.hall, "c01", "1234")
    windows.login(state, "1", clerk)
    events = windows.login(state, "2", clerk)
    assert [e.type for e in events] == ["window.closed", "window.opened"]
    assert state.window("1").clerk is None and state.window("2").clerk == "c01"
