"""Starting and ending an app's Qt event loop, the same way in every ``hallq`` app."""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hallq.client import theme


def qt_app(themed: bool = True) -> QApplication:
    """The process's one QApplication (made on first use), with the hall's font and colours."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if themed:
        theme.apply(app)
    return app


def run_until_quit(app: QApplication, windows: Sequence[QWidget],
                   stop: Callable[[], None] = lambda: None) -> int:
    """Runs the event loop until Ctrl-C, SIGTERM or the last window closes; then ``stop()``
    (close connections, threads) and delete the windows on the GUI thread, so nothing Qt is
    left for the interpreter's finalization (PySide6 crashes there)."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)  # lets Python see Ctrl-C while Qt waits
    wake.timeout.connect(lambda: None)
    wake.start(200)
    app.exec()
    wake.stop()
    stop()
    for window in windows:
        window.deleteLater()
    app.processEvents()
    gc.collect()
    return 0
