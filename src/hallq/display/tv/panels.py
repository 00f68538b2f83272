"""The header (hall name, date, weekday and clock) and the waiting counts per service."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.display.tv import style
from hallq.display.tv.model import Words


class Header(QWidget):
    """Hall name on the left; date, weekday and time on the right, ticking each second."""

    def __init__(self, words: Words, now: Callable[[tzinfo | None], datetime] = datetime.now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.words, self.now = words, now
        self.hall_px = 50.0
        self.zone: tzinfo | None = None  # the hall's, from the server; this PC's until known
        self.hall, self.date, self.time = QLabel(), QLabel(), QLabel()
        self.hall.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.time.setStyleSheet(f"color: {style.NUMBER};")
        self._box = layout = QHBoxLayout(self)
        layout.addWidget(self.hall, 1)
        layout.addWidget(self.date)
        layout.addWidget(self.time)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def set_scale(self, unit: float, narrow: bool = False) -> None:
        self.hall_px = (40 if narrow else 50) * unit
        self._fit()
        self.date.setFont(style.font((24 if narrow else 30) * unit))
        self.time.setFont(style.number_font((46 if narrow else 54) * unit))
        self._box.setContentsMargins(round(28 * unit), round(10 * unit),
                                     round(28 * unit), round(10 * unit))
        self._box.setSpacing(round(30 * unit))

    def set_hall(self, name: str, at: str | None = None) -> None:
        """The hall's name, and its time zone from a time the server sent (ISO 8601)."""
        self.hall.setText(name)
        self._fit()
        with contextlib.suppress(ValueError):
            self.zone = datetime.fromisoformat(at).tzinfo if at else self.zone
        self.tick()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()

    def _fit(self) -> None:
        """The hall's name in one line: smaller type when a long (English) name needs it."""
        room = self.hall.width() if self.hall.width() > 0 else self.width() // 2
        wide = QFontMetrics(style.font(self.hall_px, True)).horizontalAdvance(self.hall.text())
        scale = min(1.0, room / wide) if wide and room > 0 else 1.0
        self.hall.setFont(style.font(max(self.hall_px * 0.6, self.hall_px * scale), True))

    def tick(self) -> None:
        now = self.now(self.zone)
        weekday = self.words("weekdays").split()[now.weekday()]
        self.date.setText(f"{self.words('date', year=now.year, month=now.month, day=now.day)}"
                          f"  {weekday}")
        self.time.setText(now.strftime("%H:%M:%S"))


class WaitingPanel(QFrame):
    """One cell per service: its name and how many are waiting."""

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.words = words
        self.unit, self.columns, self._placed = 1.0, 6, 0
        self.title = QLabel(words("waiting"))
        self.title.setObjectName("caption")
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}
        self._grid = QGridLayout()
        self._box = layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)

    def set_scale(self, unit: float, columns: int) -> None:
        self.unit, self.columns = unit, columns
        self.title.setFont(style.font(28 * unit, True))
        self._box.setContentsMargins(round(16 * unit), round(8 * unit), round(16 * unit),
                                     round(10 * unit))
        self._grid.setHorizontalSpacing(round(18 * unit))
        self._grid.setVerticalSpacing(round(2 * unit))
        for name, count in self.cells.values():
            name.setFont(style.font(32 * unit))
            count.setFont(style.number_font(38 * unit))
        self._place()

    def show_rows(self, rows: Sequence[tuple[str, str, int]]) -> None:
        """(code, name, waiting) per service; only labels whose text changed are repainted."""
        changed = [code for code, _, _ in rows] != list(self.cells)
        if changed:
            for name, count in self.cells.values():
                name.deleteLater()
                count.deleteLater()
            self.cells = {}
            for code, _, _ in rows:
                name, count = QLabel(), QLabel()
                count.setObjectName("waitingCount")
                count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                name.setFont(style.font(32 * self.unit))
                count.setFont(style.number_font(38 * self.unit))
                self.cells[code] = (name, count)
        for code, text, waiting in rows:
            name, count = self.cells[code]
            name.setText(text)
            count.setText(self.words("people", count=waiting))
        if changed:
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._fitting_columns() != self._placed:
            self._place()

    def _fitting_columns(self) -> int:
        """As many columns as fit the longest name, at most ``columns``; long (English) names
        get smaller type, down to 85 %, before there are fewer columns."""
        most = max(1, min(self.columns, len(self.cells)))
        if not self.cells or self.width() <= 0:
            return most
        margins = self._box.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        count_metrics = QFontMetrics(style.number_font(38 * self.unit))
        counts = max(count_metrics.horizontalAdvance(text) for text in
                     [self.words("people", count=88), *(c.text() for _, c in self.cells.values())]
                     ) + 2 * self._grid.horizontalSpacing()
        columns = 1
        for scale in (1.0, 0.9, 0.85):  # smaller is unreadable from across the hall
            metrics = QFontMetrics(style.font(32 * self.unit * scale))
            widest = max(metrics.horizontalAdvance(n.text()) for n, _ in self.cells.values())
            columns = max(1, min(most, room // max(1, widest + counts)))
            if columns * 3 >= most * 2:
                break
        for name, _ in self.cells.values():
            name.setFont(style.font(32 * self.unit * scale))
        return columns

    def _place(self) -> None:
        for name, count in self.cells.values():
            self._grid.removeWidget(name)
            self._grid.removeWidget(count)
        columns = self._placed = self._fitting_columns()
        per_column = math.ceil(len(self.cells) / columns) if self.cells else 0
        for i, (name, count) in enumerate(self.cells.values()):
            row, col = (i % per_column, i // per_column) if per_column else (0, 0)
            self._grid.addWidget(name, row, 2 * col)
            self._grid.addWidget(count, row, 2 * col + 1)
        self.setVisible(bool(self.cells))
