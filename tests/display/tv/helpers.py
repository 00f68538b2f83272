"""A TV display against a real server, and what a person in front of it would read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from hallq.client.probe import visible_texts
from hallq.display.tv.grid import WindowTile
from hallq.display.tv.options import DisplayOptions
from hallq.display.tv.texts import TEXTS
from hallq.display.tv.window import DisplayWindow
from hallq.display.voice.queue import AnnouncementQueue
from tests.live_server import DISPLAY, LiveServer

CLERKS = {"1": ("c01", "1234"), "2": ("c02", "2345"), "3": ("c03", "3456"),
          "4": ("c04", "4567"), "5": ("c05", "5678"), "9": ("c08", "8901")}


def login(server: LiveServer, *windows: str) -> None:
    for window in windows:
        server.login(window, *CLERKS[window])


def post(server: LiveServer, path: str, body: dict[str, str] | None = None) -> None:
    with server.http() as http:
        http.post(path, json=body or {}).raise_for_status()


@contextmanager
def display(qtbot: QtBot, url: str, options: DisplayOptions | None = None,
            voice: AnnouncementQueue | None = None, size: tuple[int, int] = (1920, 1080),
            retry_ms: tuple[int, int] = (100, 300), language: str = "zh"
            ) -> Iterator[DisplayWindow]:
    client = HallClient(url, DISPLAY, retry_ms=retry_ms)
    window = DisplayWindow(client, options or DisplayOptions(), Texts(TEXTS, language), voice)
    window.resize(*size)
    window.show()
    with qtbot.waitSignal(client.snapshotChanged, timeout=5000):
        client.start()
    try:
        qtbot.waitUntil(lambda: bool(window.services), timeout=5000)
        yield window
    finally:
        close(window)


def close(window: DisplayWindow) -> None:
    """Delete the window, its client and voice now, on this (the GUI) thread. Left to Python's
    garbage collector, they could be destroyed on the test server's thread, which Qt forbids
    (and which corrupted the heap now and then)."""
    window.detach()
    window.client.stop()
    window.close()
    for thing in (window, window.client, window.voice):
        if thing is not None:
            thing.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def texts(window: QWidget) -> list[str]:
    return visible_texts(window)


def tile(window: DisplayWindow, name: str) -> WindowTile:
    """The visible tile titled ``name`` (e.g. 5号窗口)."""
    found = [t for t in window.grid.tiles if t.isVisible() and t.name.text() == name]
    assert len(found) == 1, [t.name.text() for t in window.grid.tiles if t.isVisible()]
    return found[0]


def waiting(window: DisplayWindow) -> dict[str, str]:
    """Service name → the count shown next to it."""
    return {name.text(): count.text() for name, count in window.waiting.cells.values()}
