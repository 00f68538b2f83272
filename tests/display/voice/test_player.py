"""The real audio sink, headless: it never plays here, but it must never stall the queue."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from hallq.display.voice.clips import ClipSet
from hallq.display.voice.player import MediaPlayerSink
from hallq.display.voice.script import announcement
from hallq.display.voice.wav import render_wav


def test_no_audio_device_skips_quietly_and_logs_once(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    sink = MediaPlayerSink()
    wav = render_wav(announcement("A012", "3"), ClipSet())
    with caplog.at_level(logging.WARNING, logger="hallq.display.voice.player"):
        for _ in range(2):
            with qtbot.waitSignal(sink.finished, timeout=1000):
                sink.play_wav(wav)
    assert [r.getMessage() for r in caplog.records] == [
        "voice: no audio output device; announcements are skipped"
    ]


def test_system_speech_reports_when_it_has_spoken(qtbot: QtBot) -> None:
    sink = MediaPlayerSink(tts_engine="mock")
    with qtbot.waitSignal(sink.finished, timeout=5000):
        sink.speak("综合受理区", "zh_CN")
