"""The scrolling notice line: the text is drawn once into a pixmap, then only moved.

A timer at about 30 frames a second repaints this strip alone (it is opaque, so nothing
behind it is repainted); the offset follows the clock, so a late frame does not slow it down.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRect, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from hallq.display.tv import style

FRAME_MS = 33
GAP = "　　　　"


class NoticeTicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.text = ""
        self.speed = 80.0  # pixels a second
        self.frames = 0  # painted so far (for the benchmark and tests)
        self._strip: QPixmap | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.update)
        self.set_scale(1.0)

    def set_scale(self, unit: float) -> None:
        self.setFixedHeight(round(64 * unit))
        self.setFont(style.font(36 * unit))
        self.speed = 90 * unit
        self._strip = None

    def set_text(self, text: str) -> None:
        text = " ".join(text.split())
        if text != self.text:
            self.text, self._strip = text, None
            self._clock.restart()
            self._run()
            self.update()

    def _run(self) -> None:
        if self.text and self.isVisible():
            self._timer.start(FRAME_MS)
        else:
            self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        self._run()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        self._strip = None  # drawn again when shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._strip = None

    def strip(self) -> QPixmap:
        """The notice and a gap, drawn once per text and size."""
        if self._strip is None:
            metrics = QFontMetrics(self.font())
            ratio = self.devicePixelRatioF()
            width = max(1, metrics.horizontalAdvance(self.text + GAP))
            pixmap = QPixmap(round(width * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(style.BACKGROUND))
            painter = QPainter(pixmap)
            painter.setFont(self.font())
            painter.setPen(QColor(style.NOTICE))
            painter.drawText(QRect(0, 0, width, self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)
            painter.end()
            self._strip = pixmap
        return self._strip

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.BACKGROUND))
        if self.text:
            strip = self.strip()
            span = strip.width() / strip.devicePixelRatio()
            x = -((self._clock.elapsed() * self.speed / 1000) % span)
            while x < self.width():
                painter.drawPixmap(round(x), 0, strip)
                x += span
        painter.end()
