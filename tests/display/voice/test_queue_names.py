"""The display's voice with the hall's built name clips: the assistance desk is heard by its
name in one WAV; with no clip it is heard by its number, and the log says so once, not at every
call; the service name is said when the display asks for it."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from hallq.display.voice.clips import ClipSet
from hallq.display.voice.names import own_dir
from hallq.display.voice.queue import AnnouncementQueue
from hallq.display.voice.script import VoiceSettings
from tests.display.voice.namefix import contains, example_built, samples_of
from tests.display.voice.test_queue import FakeSink


def called(number: str, window: str, window_name: str, service: str) -> dict[str, object]:
    return {"type": "ticket.called", "seq": 1, "window": window, "window_name": window_name,
            "ticket": {"number": number, "service": "help", "service_name": service}}


def test_the_assistance_desk_is_heard_by_its_built_name(qtbot: QtBot) -> None:
    clips = ClipSet(folders=[example_built()])
    sink = FakeSink()
    voice = AnnouncementQueue(sink, clips)
    with qtbot.waitSignal(voice.idle, timeout=5000):
        assert voice.announce_event(called("L001", "14", "帮办代办窗口", "帮办代办"))
    assert len(sink.log) == 1 and isinstance(sink.log[0], bytes)  # one WAV, no system speech
    samples = samples_of(sink.log[0])
    assert contains(samples, clips.samples("帮办代办窗口"))
    assert not contains(samples, clips.samples("帮办代办"))  # the service only when asked
    assert voice.unclipped == set()


def test_with_no_clip_it_is_heard_by_its_number_and_logged_once(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    clips = ClipSet()  # nothing built, nothing recorded: a fresh Windows PC
    sink = FakeSink()
    voice = AnnouncementQueue(sink, clips)
    with caplog.at_level(logging.WARNING, logger="hallq.display.voice.queue"), \
            qtbot.waitSignal(voice.idle, timeout=5000):
        for number in ("L001", "L002", "L003"):
            voice.announce_event(called(number, "14", "帮办代办窗口", "帮办代办"))
    assert len(sink.log) == 3 and all(isinstance(x, bytes) for x in sink.log)
    for wav in sink.log:
        assert isinstance(wav, bytes)
        samples = samples_of(wav)
        for word in ("zh_shi", "zh_4", "zh_chuangkou"):  # 到 十四 号 窗口
            assert contains(samples, clips.samples(word)), word
    warnings = [r.getMessage() for r in caplog.records if "帮办代办窗口" in r.getMessage()]
    assert len(warnings) == 1
    assert "announced as window 14" in warnings[0] and "hallq voice build" in warnings[0]


def test_the_service_is_said_when_the_display_asks(qtbot: QtBot,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    clips = ClipSet(folders=[example_built()])
    sink = FakeSink()
    voice = AnnouncementQueue(sink, clips, VoiceSettings(service=True))
    with caplog.at_level(logging.WARNING, logger="hallq.display.voice.queue"), \
            qtbot.waitSignal(voice.idle, timeout=5000):
        voice.announce_event(called("L001", "14", "帮办代办窗口", "帮办代办"))
        voice.announce_event(called("L002", "14", "帮办代办窗口", "新业务"))
        voice.announce_event(called("L003", "14", "帮办代办窗口", "新业务"))
    first = sink.log[0]
    assert isinstance(first, bytes) and contains(samples_of(first), clips.samples("帮办代办"))
    assert [r.getMessage() for r in caplog.records if "新业务" in r.getMessage()] == [
        f"voice: no clip for the name '新业务', so it is left out; run `hallq voice build` or "
        f"record 新业务.wav into {own_dir()}"]
