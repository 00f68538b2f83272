"""Small helpers the pad's widgets share."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from hallq.client import theme

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with an object name (for style sheets, tests and the probe)."""
    widget.setObjectName(name)
    return widget


def card_style(name: str) -> str:
    """The style sheet of a white card (the ``QFrame`` named ``name``) and its labels."""
    return (f"QFrame#{name} {{ background: white; border: 2px solid #c5d0db;"
            f" border-radius: 16px; }} QFrame#{name} QLabel {{ background: white; }}")


class FitButton(QPushButton):
    """A button whose text fits (long English service names): smaller, then on two lines,
    never clipped. ``text()`` is what is shown (with the line break, if any)."""

    SMALLEST, ONE_LINE_SMALLEST = 11, 15

    def __init__(self, text: str = "", pt: int = 20) -> None:
        super().__init__(text)
        self.pt, self.full = pt, text
        self.fit()

    def set_size(self, pt: int) -> None:
        self.pt = pt
        self.fit()

    def setText(self, text: str) -> None:
        self.full = text
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        room = self.width() - 48  # less the theme's padding and border
        two = min((self.full[:i] + "\n" + self.full[i + 1:] for i, c in enumerate(self.full)
                   if c == " " and self.full[i - 1] != " "),
                  key=lambda t: max(map(len, t.split("\n"))), default=self.full)
        for shown, smallest in ((self.full, self.ONE_LINE_SMALLEST), (two, self.SMALLEST)):
            for pt in range(self.pt, smallest - 1, -1):
                font = theme.font(pt, bold=True)
                widest = max(QFontMetrics(font).horizontalAdvance(line)
                             for line in shown.split("\n"))
                if room <= 0 or widest <= room:
                    self._show(shown, font)
                    return
        self._show(two, theme.font(self.SMALLEST, bold=True))

    def _show(self, shown: str, font: QFont) -> None:
        if font != self.font():
            self.setFont(font)
        if shown != super().text():
            super().setText(shown)


def big_button(text: str, pt: int = 20, role: str = "") -> FitButton:
    """A touch-sized button that never takes the keyboard focus (keys belong to the pad)."""
    button = FitButton(text, pt)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(72)
    # the layout, not the text, decides the width (the text then fits itself in)
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    if role:
        button.setProperty("role", role)
    return button
