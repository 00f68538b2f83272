"""``hallq rate --window 3``: the citizen's rating pad at a window (好差评, 9.2–9.4)."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
from pathlib import Path

from client.app_options import add_common, app_section, token

HELP = "the citizen's rating pad at a window (评价器): staff information and 好差评"


def configure(parser: argparse.ArgumentParser) -> None:
    add_common(parser, "HALLQ_WINDOW_TOKEN")
    parser.add_argument("--window", required=True, help="the window id this pad faces, e.g. 3")


def run(args: argparse.Namespace) -> int:
    """The composition root: config and options in, one client, one pad on the screen."""
    from caller.rating.settings import parse_settings

    device_token = token(args)
    settings = parse_settings(app_section(args.config, "rating"),
                              app_section(args.config, "policy"),
                              Path(args.config).resolve().parent)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from caller.rating.pad import RatingPad
    from caller.rating.texts import TEXTS
    from client import theme
    from client.connection import HallClient
    from client.i18n import Texts
    from client.kiosk_window import show_on_screen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    client = HallClient(args.server, device_token)
    texts = Texts(TEXTS, args.language)
    pad = RatingPad(client, args.window, settings, texts)
    show_on_screen(pad, args.screen, fullscreen=not args.windowed, size=(1280, 800))
    client.start()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)  # lets Python see Ctrl-C while Qt waits
    wake.timeout.connect(lambda: None)
    wake.start(200)
    app.exec()
    client.stop()
    pad.deleteLater()
    app.processEvents()
    del pad
    gc.collect()  # now, not in the interpreter's finalization (PySide6 crashes there)
    return 0
