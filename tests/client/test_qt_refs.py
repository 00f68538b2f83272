"""The Qt binding must not leak references to None: with PySide6 6.12.0 every call returning
nothing dropped one, and a display scrolling its notice line aborted within minutes."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label, timer = QLabel(), QTimer()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(3000):
        label.setText("A012")
        label.update()
        timer.start(10)
        timer.stop()
    assert sys.getrefcount(None) >= before - 50
