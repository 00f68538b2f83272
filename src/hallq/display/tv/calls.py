"""The latest calls: the newest one large and flashing for a few seconds, earlier ones listed.

Flashing repaints the newest call's card alone; a new call changes only the labels it touches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hallq.display.tv import style
from hallq.display.tv.model import Words

FLASH_MS = 450


def _label(name: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(align)
    return label


class NewestCall(QWidget):
    """The newest call: caption, the number in very large type, and where to go."""

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.caption, self.number, self.where = (_label("caption"), _label("number"),
                                                 _label("where"))
        self.where.setWordWrap(True)
        self.caption.setStyleSheet("color: white;")
        self.number.setStyleSheet("color: white;")
        self._box = layout = QVBoxLayout(self)
        for label in (self.caption, self.number, self.where):
            layout.addWidget(label)
        self.lit = False  # bright phase of the flash
        self.called = False
        self._flashes = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._blink)
        self.show_call(None)

    def set_scale(self, unit: float) -> None:
        self.caption.setFont(style.font(34 * unit, True))
        self.number.setFont(style.number_font(150 * unit))
        self.where.setFont(style.font(52 * unit, True))
        self._box.setContentsMargins(*(round(16 * unit),) * 4)

    def show_call(self, call: Mapping[str, Any] | None, flash_s: float = 0) -> None:
        self.called = call is not None
        if call is None:
            self.caption.setText(self.words("latest"))
            self.number.setText(self.words("no_calls"))
            self.where.setText("")
        else:
            self.caption.setText(self.words("recall" if call.get("recall") else "latest"))
            self.number.setText(str(call["number"]))
            self.where.setText(self.words("go_to", window=call["window_name"]))
        self._flashes = round(flash_s * 1000 / FLASH_MS) if call is not None else 0
        self.lit = self._flashes > 0
        self._timer.start(FLASH_MS) if self._flashes else self._timer.stop()
        self.update()

    @property
    def flashing(self) -> bool:
        return self._timer.isActive()

    def _blink(self) -> None:
        self._flashes -= 1
        self.lit = not self.lit and self._flashes > 0
        if self._flashes <= 0:
            self._timer.stop()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = style.CALL_FLASH if self.lit else style.CALL if self.called else style.PANEL
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(self.rect(), 14, 14)
        painter.end()


class RecentCalls(QFrame):
    """Earlier calls, newest first: number and window, a fixed number of rows."""

    def __init__(self, words: Words, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.words = words
        self.title = _label("caption", Qt.AlignmentFlag.AlignLeft)
        self.title.setText(words("recent"))
        self._grid = layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 2)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i in range(rows):
            number = _label("waitingCount", Qt.AlignmentFlag.AlignLeft)
            window = _label("where", Qt.AlignmentFlag.AlignLeft)
            for label in (number, window):  # rows share the space left, never push it wider
                label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            layout.addWidget(number, i + 1, 0)
            layout.addWidget(window, i + 1, 1)
            self.rows.append((number, window))
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(0, 0)
        self.setVisible(rows > 0)

    def set_scale(self, unit: float) -> None:
        self.title.setFont(style.font(30 * unit, True))
        for number, window in self.rows:
            number.setFont(style.number_font(48 * unit))
            window.setFont(style.font(38 * unit))
        self._grid.setContentsMargins(*(round(16 * unit),) * 4)
        self._grid.setVerticalSpacing(round(4 * unit))
        self._grid.setHorizontalSpacing(round(28 * unit))

    def show_calls(self, calls: Sequence[Mapping[str, Any]]) -> None:
        for i, (number, window) in enumerate(self.rows):
            call = calls[i] if i < len(calls) else None
            number.setText(str(call["number"]) if call else "")
            window.setText("" if not call else self.words("recalled_row", window=call[
                "window_name"]) if call.get("recalled") else str(call["window_name"]))
