"""The simulated bus on screen: the hall strip on top, then one panel per window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from client.theme import cjk_family
from hardware.bus_sim_app.hall import SimHall
from hardware.bus_sim_app.texts import texts
from hardware.bus_sim_app.widgets import LedPanel, WindowPanel

REFRESH_MS = 100  # the simulators are read ten times a second
STYLE = """
QWidget { background: #eef2f6; color: #1d2b3a; }
QFrame#windowPanel { background: white; border: 1px solid #c5d0db; border-radius: 10px; }
QLabel#windowTitle { font-weight: bold; font-size: 18px; background: transparent; }
QLabel#keypadScreen { background: #1f2d1f; color: #7cff7c; font-family: monospace;
                      padding: 4px 8px; border-radius: 4px; }
QLabel#title { font-size: 22px; font-weight: bold; }
QLabel#config { color: #546e7a; }
QPushButton { background: white; border: 1px solid #9fb0c0; border-radius: 6px;
              padding: 6px 8px; min-height: 28px; }
QPushButton:pressed { background: #dde7f0; }
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
        layout.addWidget(QLabel(words["strip"]))
        self.strip = LedPanel(56, scrolling=True)
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
