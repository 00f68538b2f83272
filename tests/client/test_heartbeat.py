"""The shared client's heartbeat: an app given its name reports at start and again as often
as the server asks; a pad reports its window; a stopped app stops reporting."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from hallq.client.heartbeat import this_host
from tests.live_server import DISPLAY, WINDOWS, LiveServer


def test_apps_report_at_start_with_their_device_app_and_window(qtbot: QtBot,
                                                               server: LiveServer) -> None:
    tv = HallClient(server.url, DISPLAY, app="display")
    rating = HallClient(server.url, WINDOWS, app="rating", window="3")
    plain = HallClient(server.url, DISPLAY)  # no app named: no heartbeat (tools, tests)
    for client in (tv, rating, plain):
        client.start()
    try:
        watch = server.server.service.watch
        host = this_host()
        qtbot.waitUntil(lambda: len(watch.devices) == 2, timeout=5000)
        assert set(watch.devices) == {f"tv-1/display/{host}", f"pads-all/rating/3/{host}"}
        assert watch.devices[f"pads-all/rating/3/{host}"].window == "3"
        assert tv.heartbeat is not None and rating.heartbeat is not None
        qtbot.waitUntil(lambda: tv.heartbeat is not None and tv.heartbeat.sent == 1,
                        timeout=5000)
        assert tv.heartbeat.every_s == 30  # a third of [policy] alarm_device_silent_seconds
        assert plain.heartbeat is None
    finally:
        for client in (tv, rating, plain):
            client.stop()


def test_the_next_heartbeat_comes_when_the_server_asks(qtbot: QtBot, server: LiveServer) -> None:
    tv = HallClient(server.url, DISPLAY, app="display")
    assert tv.heartbeat is not None
    beat = tv.heartbeat
    tv.start()
    try:
        qtbot.waitUntil(lambda: beat.sent == 1, timeout=5000)
        beat.every_s = 1
        beat._timer.start(100)  # as if the server had asked for the next one at once
        qtbot.waitUntil(lambda: beat.sent == 2, timeout=5000)
        tv.stop()
        assert not beat._timer.isActive()
    finally:
        tv.stop()
