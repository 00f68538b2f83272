"""Small helpers the pad's widgets share."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from client import theme

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with an object name (for style sheets, tests and the probe)."""
    widget.setObjectName(name)
    return widget


def big_button(text: str, pt: int = 20, role: str = "") -> QPushButton:
    """A touch-sized button that never takes the keyboard focus (keys belong to the pad)."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setFont(theme.font(pt, bold=True))
    button.setMinimumHeight(72)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    if role:
        button.setProperty("role", role)
    return button
