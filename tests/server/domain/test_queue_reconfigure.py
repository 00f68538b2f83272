"""The live queue under a new configuration: windows and services follow it, waiting tickets
keep their numbers and order; clerks no longer fit for their window are logged out."""

from __future__ import annotations

from dataclasses import replace

from hallq.server.domain import calls, windows
from hallq.server.domain.hall import Service, Window
from hallq.server.domain.queue import QueueState
from tests.server.domain.hallfix import CLERKS, Issuer, hall


def test_a_window_serving_other_services_calls_only_those_and_the_queue_keeps_order() -> None:
    state = QueueState(hall())
    issue = Issuer(state)
    first, second, third = issue("biz"), issue("tax"), issue("biz")
    new = replace(state.hall, windows=(Window("1", "1号窗口", ("tax", "social")),
                                        *state.hall.windows[1:]))
    state.reconfigure(new)
    called, _ = calls.call_next(state, "1", issue.tick())
    assert called is not None and called.number == second.number
    assert [t.number for t in sorted(state.waiting(["biz"]), key=lambda t: t.id)] == [
        first.number, third.number]
    called, _ = calls.call_next(state, "2", issue.tick())
    assert called is not None and called.number == first.number  # the longest waiting


def test_a_new_service_and_window_are_ready_and_a_removed_window_is_gone() -> None:
    state = QueueState(hall())
    new = replace(state.hall, services=(*state.hall.services, Service("pass", "港澳通行证", "P")),
                  windows=(*state.hall.windows[:2], Window("4", "4号窗口", ("pass",))))
    state.reconfigure(new)
    assert sorted(state.windows) == ["1", "2", "4"]
    assert state.waiting_counts()["pass"] == 0
    ticket = Issuer(state)("pass")
    assert ticket.number == "P001"


def test_a_disabled_or_moved_clerk_is_logged_out() -> None:
    state = QueueState(hall(clerks=True))
    windows.login(state, "1", CLERKS[0])
    windows.login(state, "3", CLERKS[1])
    new = replace(state.hall, clerks=(replace(CLERKS[0], windows=("2",)),
                                      replace(CLERKS[1], disabled=True)))
    events = windows.sign_out_unfit(state, new, Issuer(state).tick())
    assert sorted(e.window or "" for e in events) == ["1", "3"]
    assert all(w.clerk is None for w in state.windows.values())
