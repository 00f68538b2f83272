"""The simulated bus on screen: the hall strip on top, then one panel per window."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from hallq.bus_sim.texts import texts
from hallq.bus_sim.widgets import LedPanel, WindowPanel
from hallq.client.theme import cjk_family
from hallq.hardware.bus.sim_hall import SimHall

REFRESH_MS = 100  # the simulators are read ten times a second
QUIET_S = 2.0  # no frame on the line for this long: the bridge is not running
STYLE = """
QWidget { background: #eef2f6; color: #1d2b3a; }
QFrame#windowPanel { background: white; border: 1px solid #c5d0db; border-radius: 10px; }
QFrame#windowPanel QWidget { background: white; }
QLabel#windowTitle { font-weight: bold; font-size: 20px; }
QFrame#windowPanel QLabel#keypadScreen { background: #1f2d1f; color: #7cff7c;
                                         padding: 4px 8px; border-radius: 4px; }
QLabel#title { font-size: 22px; font-weight: bold; }
QLabel#config { color: #546e7a; }
QLabel#link { color: #b71c1c; font-weight: bold; }
QLabel#link[talking="true"] { color: #1b5e20; }
QFrame#windowPanel QPushButton { background: white; border: 1px solid #9fb0c0; border-radius: 6px;
              padding: 6px 8px; min-height: 28px; }
QFrame#windowPanel QPushButton:pressed { background: #dde7f0; }
"""


class BusSimWindow(QWidget):
    COLUMNS = 4

    def __init__(self, hall: SimHall, bus_config: str | Path, language: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hall = hall
        words = texts(language)
        self.setWindowTitle(words["title"])
        self.setStyleSheet(STYLE)
        self.setFont(QFont(cjk_family(), 12))
        layout = QVBoxLayout(self)
        title = QLabel(words["title"])
        title.setObjectName("title")
        layout.addWidget(title)
        config = QLabel(words["bus_config"].format(path=bus_config, url=hall.line.url))
        config.setObjectName("config")
        config.setWordWrap(True)
        layout.addWidget(config)
        self.words = words
        self.link = QLabel()
        self.link.setObjectName("link")
        layout.addWidget(self.link)
        self._frames, self._last_frame = 0, -QUIET_S
        layout.addWidget(QLabel(words["strip"]))
        self.strip = LedPanel(72, scrolling=True)
        layout.addWidget(self.strip)
        grid = QGridLayout()
        self.panels = [WindowPanel(w, words) for w in hall.windows]
        for i, panel in enumerate(self.panels):
            grid.addWidget(panel, i // self.COLUMNS, i % self.COLUMNS)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.refresh()

    def refresh(self) -> None:
        self.strip.set_text(self.hall.strip.scroll)
        for panel in self.panels:
            panel.refresh()
        frames = self.hall.strip.frames + sum(p.frames for p in self.panels)
        now = time.monotonic()
        if frames != self._frames:
            self._frames, self._last_frame = frames, now
        talking = now - self._last_frame < QUIET_S
        if self.link.property("talking") != talking or not self.link.text():
            self.link.setText(self.words["bridge_talking" if talking else "waiting_bridge"])
            self.link.setProperty("talking", talking)
            self.link.style().unpolish(self.link)
            self.link.style().polish(self.link)
