"""A display for one zone of the hall, and its voice: only its calls, announced in order."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.display.tv.options import DisplayOptions, Zone
from hallq.display.voice.clips import ClipSet
from hallq.display.voice.queue import AnnouncementQueue
from hallq.display.voice.script import VoiceSettings, announcement
from hallq.display.voice.wav import render_wav
from tests.display.tv.helpers import display, login, post, texts, waiting
from tests.display.voice.test_queue import FakeSink
from tests.live_server import LiveServer

CLIPS = ClipSet()


def test_a_burst_of_three_calls_is_announced_in_order(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1", "2", "3")
    for _ in range(3):
        post(server, "/api/tickets", {"service": "biz"})
    sink = FakeSink()
    voice = AnnouncementQueue(sink, CLIPS)
    with display(qtbot, server.url, voice=voice) as window:
        for w in ("1", "2", "3"):
            post(server, f"/api/windows/{w}/next")
        qtbot.waitUntil(lambda: len(sink.log) == 3 and not voice.busy, timeout=5000)
        assert window.newest.number.text() == "A003"
    heard = [("A001", "1号窗口"), ("A002", "2号窗口"), ("A003", "3号窗口")]
    assert sink.log == [render_wav(announcement(t, w), CLIPS) for t, w in heard]
    assert sink.overlaps == 0


def test_a_zone_shows_and_announces_only_its_windows(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1", "2", "9")
    for service in ("biz", "biz", "tax"):
        post(server, "/api/tickets", {"service": service})
    sink = FakeSink()
    english = VoiceSettings(english=True)
    voice = AnnouncementQueue(sink, CLIPS, english)
    zone = DisplayOptions(zone=Zone(windows=frozenset({"1", "9"})))
    with display(qtbot, server.url, zone, voice) as window:
        names = [t.name.text() for t in window.grid.tiles if t.isVisible()]
        assert names == ["1号窗口", "9号窗口"]
        assert list(waiting(window)) == ["企业开办", "社保医保", "公积金", "税务", "水电气报装",
                                         "综合受理"]
        post(server, "/api/windows/2/next")  # A001 at window 2: another zone's call
        post(server, "/api/windows/1/next")  # A002 at window 1
        qtbot.waitUntil(lambda: window.newest.number.text() == "A002", timeout=5000)
        post(server, "/api/windows/9/next")  # E001 at window 9
        qtbot.waitUntil(lambda: window.newest.number.text() == "E001", timeout=5000)
        assert [n.text() for n, _ in window.recent.rows] == ["A002", "", "", "", ""]
        assert "A001" not in texts(window)
        qtbot.waitUntil(lambda: len(sink.log) == 2 and not voice.busy, timeout=5000)
    heard = [("A002", "1号窗口"), ("E001", "9号窗口")]
    assert sink.log == [render_wav(announcement(t, w, english), CLIPS) for t, w in heard]


def test_a_services_zone_shows_the_windows_serving_them_and_its_notice(
        qtbot: QtBot, server: LiveServer) -> None:
    zone = DisplayOptions(zone=Zone(services=frozenset({"estate"})), notice="本区办理不动产登记")
    with display(qtbot, server.url, zone) as window:
        names = [t.name.text() for t in window.grid.tiles if t.isVisible()]
        assert names == ["5号窗口", "6号窗口"]
        assert list(waiting(window)) == ["不动产登记"]
        assert window.ticker.text == "本区办理不动产登记"  # instead of the hall's notice
