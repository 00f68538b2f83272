"""A rating pad for window 3 against the real test server, as ``hallq rate`` builds it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hallq.caller.rating.pad import RatingPad
from hallq.caller.rating.settings import PadSettings
from hallq.caller.rating.texts import TEXTS
from hallq.client import theme
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from hallq.client.probe import visible_texts
from tests.hall_steps import WINDOW
from tests.live_server import HALL, WINDOWS, LiveServer

REASONS = ("服务态度差", "办事效率低", "一次性告知不清", "等候时间长", "环境设施差", "其他")
MakePad = Callable[..., RatingPad]


def shows(pad: RatingPad, text: str) -> bool:
    """Whether ``text`` is in what the citizen can see right now."""
    return any(text in seen for seen in visible_texts(pad))


@pytest.fixture
def make_pad(qtbot: QtBot, server: LiveServer) -> Iterator[MakePad]:
    made: list[RatingPad] = []

    def make(timeout_s: float = 30, thanks_s: float = 30, photos: Path | None = None,
             url: str = "", language: str = "zh", window: str = WINDOW) -> RatingPad:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app)
        client = HallClient(url or server.url, WINDOWS, retry_ms=(100, 300))
        settings = PadSettings(timeout_s=timeout_s, thanks_s=thanks_s,
                               photos=photos or HALL.parent, reasons=REASONS)
        pad = RatingPad(client, window, settings, Texts(TEXTS, language))
        qtbot.addWidget(pad)
        pad.resize(1280, 800)
        pad.show()
        client.start()
        if not url:
            qtbot.waitUntil(lambda: client.online, timeout=5000)
        made.append(pad)
        return pad

    yield make
    for pad in made:
        pad.flow.timeout.stop()
        pad.flow.back.stop()
        pad.client.stop()
