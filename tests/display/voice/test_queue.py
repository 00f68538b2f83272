"""The announcement queue: a burst of calls is spoken in order, one at a time, none dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from hallq.display.voice import queue as queue_module
from hallq.display.voice.clips import ClipSet
from hallq.display.voice.player import AudioSink
from hallq.display.voice.queue import AnnouncementQueue
from hallq.display.voice.script import announcement
from hallq.display.voice.wav import render_wav

CLIPS = ClipSet()


class FakeSink(AudioSink):
    """Plays each chunk for ``play_ms`` of real time, then emits ``finished``."""

    def __init__(self, play_ms: int = 20, answer: bool = True) -> None:
        super().__init__()
        self.play_ms = play_ms
        self.answer = answer
        self.log: list[bytes | str] = []
        self.playing = False
        self.overlaps = 0
        self.stops = 0

    def _start(self, what: bytes | str) -> None:
        if self.playing:
            self.overlaps += 1
        self.playing = True
        self.log.append(what)
        if self.answer:
            QTimer.singleShot(self.play_ms, self._end)

    def _end(self) -> None:
        self.playing = False
        self.finished.emit()

    def play_wav(self, wav: bytes) -> None:
        self._start(wav)

    def speak(self, text: str, locale: str) -> None:
        self._start(f"{locale}:{text}")

    def stop(self) -> None:
        self.stops += 1
        self.playing = False


def test_a_burst_of_three_calls_plays_in_order_and_never_overlaps(qtbot: QtBot) -> None:
    sink = FakeSink()
    voice = AnnouncementQueue(sink, CLIPS)
    started: list[str] = []
    voice.started.connect(lambda ticket, window: started.append(f"{ticket}@{window}"))
    calls = [("A001", "1"), ("A002", "12"), ("B003", "3")]
    with qtbot.waitSignal(voice.idle, timeout=5000):
        for ticket, window in calls:
            voice.announce(ticket, window)
        assert voice.busy and voice.pending() == 2
    assert started == ["A001@1", "A002@12", "B003@3"]
    assert sink.log == [render_wav(announcement(t, w), CLIPS) for t, w in calls]
    assert sink.overlaps == 0 and not voice.busy


def test_a_call_during_an_announcement_waits_for_it(qtbot: QtBot) -> None:
    sink = FakeSink(play_ms=100)
    voice = AnnouncementQueue(sink, CLIPS)
    voice.announce("A001", "1")
    qtbot.wait(30)
    voice.announce("A002", "2")
    assert len(sink.log) == 1
    qtbot.waitUntil(lambda: len(sink.log) == 2 and not voice.busy, timeout=5000)
    assert sink.overlaps == 0


def test_window_without_clips_is_spoken_between_the_clips(qtbot: QtBot) -> None:
    sink = FakeSink()
    voice = AnnouncementQueue(sink, CLIPS)
    with qtbot.waitSignal(voice.idle, timeout=5000):
        voice.announce("A001", "综合受理区")
    assert [type(x) for x in sink.log] == [bytes, str, bytes]
    assert sink.log[1] == "zh_CN:综合受理区"


def test_missing_clips_fall_back_to_system_speech(qtbot: QtBot, tmp_path: Path) -> None:
    sink = FakeSink()
    voice = AnnouncementQueue(sink, ClipSet(shipped_dir=tmp_path))
    with qtbot.waitSignal(voice.idle, timeout=5000):
        voice.announce("A012", "3")
    assert sink.log == ["zh_CN:请 A 零一二号，到三号窗口，办理"]


def test_events_feed_the_queue(qtbot: QtBot) -> None:
    voice = AnnouncementQueue(FakeSink(), CLIPS)
    called: dict[str, Any] = {"type": "ticket.called", "seq": 7, "window": "3",
                              "window_name": "3号窗口", "ticket": {"number": "A012"}}
    with qtbot.waitSignal(voice.started, timeout=5000) as blocker:
        assert voice.announce_event(called)
    assert blocker.args == ["A012", "3号窗口"]
    assert not voice.announce_event({"type": "ticket.issued", "ticket": {"number": "A013"}})
    assert not voice.announce_event({"type": "ticket.recalled", "window": "3", "ticket": {}})


def test_a_silent_output_does_not_stall_the_queue(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queue_module, "WATCHDOG_MARGIN_MS", 50)
    monkeypatch.setattr(queue_module, "duration_s", lambda wav: 0.0)
    sink = FakeSink(answer=False)
    voice = AnnouncementQueue(sink, CLIPS)
    with qtbot.waitSignal(voice.idle, timeout=5000):
        voice.announce("A001", "1")
        voice.announce("A002", "2")
    assert len(sink.log) == 2 and sink.stops == 2
