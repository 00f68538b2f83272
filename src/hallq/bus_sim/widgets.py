"""LED-looking screens and one window's simulated devices, with buttons that press their keys."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallq.client.theme import cjk_family
from hallq.hardware.bus.drivers import DEFAULT_KEYMAP
from hallq.hardware.bus.sim_hall import SimWindow

LED_RED = QColor("#ff3322")
LED_OFF = QColor("#0a0a0a")
DOT = 4  # pixels per LED dot: a dark grid line every DOT pixels
KEYS = {action: key for key, action in DEFAULT_KEYMAP.items()}


class LedPanel(QWidget):
    """Red text on black with a dot-matrix grid; a ``scrolling`` panel moves its text left."""

    def __init__(self, height: int, *, scrolling: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(height)
        self.setMinimumWidth(120)
        self.text = ""
        self.offset = 0
        self._grid: QPixmap | None = None
        self._font = QFont(cjk_family())
        self._font.setPixelSize(int(height * 0.62))
        self._font.setBold(True)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._step)
        if scrolling:
            self._timer.start(40)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text, self.offset = text, 0
            self.setAccessibleName(text)  # what screen readers (and client.probe) read
            self.update()

    def _step(self) -> None:
        if self.text:
            self.offset += 2
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), LED_OFF)
        p.setFont(self._font)
        p.setPen(LED_RED)
        metrics = QFontMetrics(self._font)
        baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
        if self._timer.isActive():  # a marquee: the text and a gap, over and over
            span = metrics.horizontalAdvance(self.text + "　　　")
            x = -(self.offset % span) if span else 0
            while span and x < self.width():
                p.drawText(x, baseline, self.text)
                x += span
        else:
            x = (self.width() - metrics.horizontalAdvance(self.text)) // 2
            p.drawText(x, baseline, self.text)
        p.drawPixmap(0, 0, self._dots())
        p.end()

    def _dots(self) -> QPixmap:
        """The dark grid between the LED dots, drawn once per size."""
        if self._grid is None or self._grid.size() != self.size():
            self._grid = QPixmap(self.size())
            self._grid.fill(QColor(0, 0, 0, 0))
            p = QPainter(self._grid)
            p.setPen(QColor(0, 0, 0, 150))
            for gx in range(0, self.width(), DOT):
                p.drawLine(gx, 0, gx, self.height())
            for gy in range(0, self.height(), DOT):
                p.drawLine(0, gy, self.width(), gy)
            p.end()
        return self._grid


class WindowPanel(QFrame):
    """One window: its LED screen, its keypad (screen and keys), its rating device's keys."""

    def __init__(self, sim: SimWindow, words: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sim = sim
        self.setObjectName("windowPanel")
        layout = QVBoxLayout(self)
        title = QLabel(words["window"].format(id=sim.id))
        title.setObjectName("windowTitle")
        layout.addWidget(title)
        self.led = LedPanel(96)
        layout.addWidget(self.led)
        self.keypad_screen = QLabel()
        self.keypad_screen.setObjectName("keypadScreen")
        layout.addWidget(_caption(words["keypad"], self.keypad_screen))
        keys = QGridLayout()
        for i, action in enumerate(("next", "recall", "skip", "finish", "pause", "resume")):
            button = QPushButton(words[action])
            button.setObjectName(f"key_{action}")
            button.clicked.connect(lambda _=False, k=KEYS[action]: self.sim.keypad.press(k))
            keys.addWidget(button, i // 3, i % 3)
        layout.addLayout(keys)
        layout.addWidget(QLabel(words["rating"]))
        scores = QHBoxLayout()
        for score in range(1, 6):
            button = QPushButton(str(score))
            button.setObjectName(f"rate_{score}")
            button.setToolTip(words[f"score_{score}"])
            button.clicked.connect(lambda _=False, s=score: self.sim.rating.rate(s))
            scores.addWidget(button)
        layout.addLayout(scores)

    @property
    def frames(self) -> int:
        """Frames the bridge has sent this window's devices so far."""
        return self.sim.led.frames + self.sim.keypad.frames + self.sim.rating.frames

    def refresh(self) -> None:
        self.led.set_text(self.sim.led.text)
        text = self.sim.keypad.text or " "
        if self.keypad_screen.text() != text:
            self.keypad_screen.setText(text)


def _caption(caption: str, widget: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(caption))
    layout.addWidget(widget, 1)
    return row
