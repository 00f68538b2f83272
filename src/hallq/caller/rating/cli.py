"""``hallq rate --window 3``: the citizen's rating pad at a window (好差评, 9.2–9.4)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hallq.client.app_options import add_common, app_section, token

HELP = "the citizen's rating pad at a window (评价器): staff information and 好差评"


def configure(parser: argparse.ArgumentParser) -> None:
    add_common(parser, "HALLQ_WINDOW_TOKEN")
    parser.add_argument("--window", required=True, help="the window id this pad faces, e.g. 3")


def run(args: argparse.Namespace) -> int:
    """The composition root: config and options in, one client, one pad on the screen."""
    from hallq.caller.rating.settings import parse_settings

    device_token = token(args)
    settings = parse_settings(app_section(args.config, "rating"),
                              app_section(args.config, "policy"),
                              Path(args.config).resolve().parent)

    from hallq.caller.rating.pad import RatingPad
    from hallq.caller.rating.texts import TEXTS
    from hallq.client.app_run import qt_app, run_until_quit
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts
    from hallq.client.kiosk_window import show_on_screen

    app = qt_app()
    client = HallClient(args.server, device_token, app="rating", window=args.window)
    texts = Texts(TEXTS, args.language)
    pad = RatingPad(client, args.window, settings, texts)
    show_on_screen(pad, args.screen, fullscreen=not args.windowed, size=args.size or (1280, 800))
    client.start()
    return run_until_quit(app, [pad], client.stop)
