"""An event repaints only what it changed: one call touches its window's tile and the calls,
not the other windows; the flash repaints the newest call alone."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.display.tv.helpers import display, login, post, tile
from tests.live_server import LiveServer


class PaintCounter(QObject):
    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.names = {id(w): name for name, w in widgets.items()}
        self.counts: Counter[str] = Counter()
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and id(watched) in self.names:
            self.counts[self.names[id(watched)]] += 1
        return False


def test_a_call_repaints_its_tile_and_the_calls_only(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1", "2")
    post(server, "/api/tickets", {"service": "biz"})
    with display(qtbot, server.url) as window:
        one, two, six = tile(window, "1号窗口"), tile(window, "2号窗口"), tile(window, "6号窗口")
        qtbot.wait(300)  # the first paints are done
        counter = PaintCounter({"tile 1": one.big, "tile 2": two.big, "tile 6": six.big,
                                "newest": window.newest.number, "header": window.header.hall})
        post(server, "/api/windows/1/next")
        qtbot.waitUntil(lambda: counter.counts["tile 1"] > 0 and counter.counts["newest"] > 0,
                        timeout=5000)
        qtbot.waitUntil(lambda: counter.counts["newest"] > 3, timeout=5000)  # it flashes
        assert one.big.text() == "A001"
        assert counter.counts["tile 2"] == counter.counts["tile 6"] == 0
        assert counter.counts["header"] == 0
        assert counter.counts["tile 1"] <= 2
