"""Run ``hallq display --all-screens`` on two offscreen screens (a 16:9 one and a portrait
one) against a real server; print one line per display window, then quit. Used by
test_cli.py in its own process, since a process's screens are fixed when Qt starts."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

SCREENS = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
    {"name": "hall", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1},
    {"name": "door", "x": 1920, "y": 0, "width": 1080, "height": 1920, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1}]}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hallq-screens-") as name:
        show(Path(name))


def show(folder: Path) -> None:
    (folder / "screens.json").write_text(json.dumps(SCREENS), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={folder / 'screens.json'}"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hallq.display.tv.cli import configure, run
    from hallq.display.tv.window import DisplayWindow
    from tests.live_server import DISPLAY, live_server

    app = QApplication(sys.argv[:1])

    def report() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, DisplayWindow) and widget.isVisible():
                rect = widget.geometry()
                print(widget.screen().name(), rect.x(), rect.y(), rect.width(), rect.height(),
                      "portrait" if widget.body.direction().name == "TopToBottom" else "16:9",
                      "voice" if widget.voice is not None else "silent",
                      widget.header.hall.text(), flush=True)
        app.quit()

    with live_server(folder / "hall.db") as server:
        parser = argparse.ArgumentParser()
        configure(parser)
        args = parser.parse_args(["--server", server.url, "--token", DISPLAY, "--all-screens"])
        QTimer.singleShot(2500, report)
        print("exit", run(args), flush=True)


if __name__ == "__main__":
    main()
