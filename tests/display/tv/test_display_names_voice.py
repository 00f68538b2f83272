"""The TV display with the clips ``hallq voice build`` left in the data folder: a call at the
assistance desk (帮办代办窗口) is heard by its name, from a real server's event."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hallq.display.voice.names import built_dir, hall_clips
from hallq.display.voice.queue import AnnouncementQueue
from tests.display.tv.helpers import display, post
from tests.display.voice.namefix import contains, example_built, samples_of
from tests.display.voice.test_queue import FakeSink
from tests.live_server import LiveServer


def test_a_call_at_the_assistance_desk_is_heard_by_its_built_name(
        qtbot: QtBot, server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLQ_DATA", str(tmp_path / "data"))
    shutil.copytree(example_built(), built_dir())  # as `hallq voice build` leaves them
    clips = hall_clips()  # what `hallq display` uses
    server.login("14", "c12", "2468")
    post(server, "/api/tickets", {"service": "help"})
    sink = FakeSink()
    voice = AnnouncementQueue(sink, clips)
    with display(qtbot, server.url, voice=voice) as window:
        post(server, "/api/windows/14/next")
        qtbot.waitUntil(lambda: len(sink.log) == 1 and not voice.busy, timeout=5000)
        assert window.newest.number.text() == "L001"
    heard = sink.log[0]
    assert isinstance(heard, bytes)  # one WAV: nothing left to system speech
    assert contains(samples_of(heard), clips.samples("帮办代办窗口"))
    assert voice.unclipped == set()
