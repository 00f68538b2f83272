"""A stopgap for a PySide6 bug: with PySide6 6.12.0 on CPython 3.11, void Qt methods
(``QPainter.drawLine``, ``QLabel.setText``, ``QTimer.start`` …) return ``None`` without taking a
reference to it, so every call lowers None's reference count by one; after a few thousand calls
the interpreter aborts with "none_dealloc: deallocating None". Since CPython 3.12 None, True and
False are immortal and this guard does nothing.

:func:`install` keeps their reference counts high by holding extra references, topped up once a
second (8 bytes per leaked reference). Remove it once the project moves to Python 3.12 or a
PySide6 that is fixed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 200_000  # top up below this ...
TARGET = 1_000_000  # ... to this
_bank: list[object] = []


def top_up() -> None:
    for obj in (None, True, False):
        count = sys.getrefcount(obj)
        if count < FLOOR:
            _bank.extend([obj] * (TARGET - count))


def install(parent: QObject) -> QTimer | None:
    """Top up now and every second while ``parent`` lives (nothing to do on Python ≥ 3.12)."""
    if sys.version_info >= (3, 12):
        return None
    top_up()
    timer = QTimer(parent)
    timer.timeout.connect(top_up)
    timer.start(1000)
    return timer
