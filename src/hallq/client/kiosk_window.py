"""Helpers for windows that fill a screen: kiosks, TVs, pads."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from hallq.client import probe


def show_on_screen(widget: QWidget, screen: int = 0, fullscreen: bool = True,
                   size: tuple[int, int] = (1280, 800)) -> None:
    """Fill the chosen screen. Without a window manager ``showFullScreen()`` alone keeps the
    window small, so the geometry is set first. With ``HALLQ_PROBE`` set, the window can be
    read and driven from outside (``client.probe``)."""
    screens = QGuiApplication.screens()
    target = screens[screen] if 0 <= screen < len(screens) else QGuiApplication.primaryScreen()
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if fullscreen and target is not None:
        widget.setGeometry(target.geometry())
        widget.showFullScreen()
    else:
        widget.resize(*size)
        widget.show()
    probe.install(widget)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``seconds`` without a touch, click or key anywhere in the app."""

    idle = Signal()
    INPUT = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
             QEvent.Type.Wheel)

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self.timer.start()
        return False
