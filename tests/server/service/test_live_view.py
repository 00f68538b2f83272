"""The live hall's figures: waits, quota left, pauses and the ticket served, from the queue."""

from __future__ import annotations

from hallq.contract.live import LiveService, LiveView, LiveWindow
from hallq.server.service.live_view import live_view
from tests.server.apifix import Api


def service(view: LiveView, code: str) -> LiveService:
    return next(s for s in view.services if s.code == code)


def window(view: LiveView, window_id: str) -> LiveWindow:
    return next(w for w in view.windows if w.id == window_id)


def test_waits_quota_and_the_ticket_served(api: Api) -> None:
    hs = api.server.service
    api.login("1", "c01")
    first = api.issue("biz")
    api.clock.advance(minutes=1)
    api.issue("biz")
    api.clock.advance(minutes=4)
    api.act("1", "next")  # the first waited 5 minutes
    view = live_view(hs)
    biz = service(view, "biz")
    assert biz.waiting == 1 and biz.issued_today == 2
    assert biz.daily_quota == 200 and biz.quota_left == 198
    assert biz.longest_wait_s == 300 and biz.estimated_wait_s > 0
    assert biz.oldest_waiting_since is not None  # the page counts on from here
    api.clock.advance(minutes=2)
    view = live_view(hs)
    assert service(view, "biz").longest_wait_s == 360  # the second has waited 6 minutes
    one = window(view, "1")
    assert one.status == "open" and one.clerk is not None and one.clerk.name == "王芳"
    assert one.current is not None
    assert one.current.number == first["number"] and one.current.serving_s == 120
    assert service(view, "estate").quota_left is None  # no quota
    assert view.totals.waiting == 1 and view.totals.open_windows == 1


def test_a_pause_shows_its_reason_and_start_and_missed_tickets_are_listed(api: Api) -> None:
    hs = api.server.service
    api.login("1", "c01")
    missed = api.issue("biz")
    api.act("1", "next")
    api.act("1", "skip")
    api.act("1", "pause", json={"reason": "会议"})
    view = live_view(hs)
    one = window(view, "1")
    assert one.status == "paused" and one.pause_reason == "会议"
    assert one.paused_at == view.at
    assert [m.number for m in view.missed] == [missed["number"]]
    assert service(view, "biz").missed_today == 1
