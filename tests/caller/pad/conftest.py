"""A caller pad for window 3 against the real test server, driven as a clerk would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hallq.caller.pad.cli import pause_reasons
from hallq.caller.pad.session import PadSession
from hallq.caller.pad.texts import TEXTS
from hallq.caller.pad.window import PadWindow
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from hallq.client.probe import visible_texts
from tests.live_server import HALL, KIOSK, LiveServer

PAD_TOKEN = "demo-window-token-3"  # may act for window 3 only


@dataclass
class Pad:
    qtbot: QtBot
    server: LiveServer
    client: HallClient
    session: PadSession
    window: PadWindow

    def texts(self) -> list[str]:
        return visible_texts(self.window)

    def shows(self, text: str, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: any(text in t for t in self.texts()), timeout=timeout)

    def key(self, key: Qt.Key) -> None:
        self.idle()  # the pad ignores keys while it waits for the server's answer
        QTest.keyClick(self.window, key)

    def type(self, keys: str) -> None:
        self.idle()
        QTest.keyClicks(self.window, keys)

    def button(self, name: str) -> Any:
        return self.window.work.board.buttons[name]

    def log_in(self, clerk: str = "c03", pin: str = "3456") -> None:
        self.window.login.clerk.setText(clerk)
        self.window.login.pin.setText(pin)
        self.window.login.button.click()

    def issue(self, *services: str) -> list[dict[str, Any]]:
        with self.server.http(KIOSK) as http:
            return [http.post("/api/tickets", json={"service": s}).json() for s in services]

    def get(self, path: str) -> Any:
        with self.server.http() as http:
            return http.get(path).json()

    def idle(self) -> None:
        """The last command's answer has arrived (the pad is not waiting for the server)."""
        self.qtbot.waitUntil(lambda: not self.session.busy, timeout=5000)


def open_pad(qtbot: QtBot, server: LiveServer, language: str = "zh") -> Pad:
    texts = Texts(TEXTS, language)
    client = HallClient(server.url, PAD_TOKEN, retry_ms=(100, 300))
    session = PadSession(client, "3", texts)
    window = PadWindow(session, texts, pause_reasons(HALL))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    session.start()
    qtbot.waitUntil(lambda: client.online and bool(session.services), timeout=5000)
    return Pad(qtbot, server, client, session, window)


@pytest.fixture
def pad(qtbot: QtBot, server: LiveServer) -> Iterator[Pad]:
    opened = open_pad(qtbot, server)
    yield opened
    opened.client.stop()


@pytest.fixture
def clerk_pad(pad: Pad) -> Pad:
    """The pad with clerk c03 (张敏) logged in."""
    pad.log_in()
    pad.shows("张敏")
    pad.idle()
    return pad
