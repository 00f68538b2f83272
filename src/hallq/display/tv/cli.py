"""``hallq display``: the TV call display with voice (the composition root of its process)."""

from __future__ import annotations

import argparse
import sys

HELP = "the TV call display with voice announcements (叫号显示屏)"
TOKEN_ENV = "HALLQ_DISPLAY_TOKEN"


def configure(parser: argparse.ArgumentParser) -> None:
    from hallq.client.app_options import add_common

    add_common(parser, TOKEN_ENV)
    parser.add_argument("--all-screens", action="store_true",
                        help="one display window on every screen")
    parser.add_argument("--windows", metavar="IDS",
                        help="show only these windows, e.g. 1,2,3 (one zone of the hall)")
    parser.add_argument("--services", metavar="CODES",
                        help="show only these services, e.g. biz,tax (and windows serving them)")
    parser.add_argument("--no-voice", action="store_true", help="do not announce calls")
    parser.add_argument("--english-voice", action="store_true",
                        help="follow each announcement with the English sentence")


def run(args: argparse.Namespace) -> int:
    from hallq.client.app_options import app_section, token
    from hallq.display.tv.options import from_config

    try:
        options = from_config(app_section(args.config, "display"), args)
    except ValueError as exc:
        print(f"hallq display: {args.config}: {exc}", file=sys.stderr)
        return 2
    device_token = token(args)

    from PySide6.QtGui import QGuiApplication

    from hallq.client.app_run import qt_app, run_until_quit
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts
    from hallq.client.kiosk_window import show_on_screen
    from hallq.display.tv.texts import TEXTS
    from hallq.display.tv.window import DisplayWindow

    app = qt_app()
    client = HallClient(args.server, device_token, app="display")
    words = Texts(TEXTS, args.language)
    voice = None
    if options.voice:
        from hallq.display.voice.names import hall_clips
        from hallq.display.voice.player import MediaPlayerSink
        from hallq.display.voice.queue import AnnouncementQueue

        # the hall's own recordings, then its built name clips (data folder), then the shipped
        voice = AnnouncementQueue(MediaPlayerSink(), hall_clips(), options.voice_settings)
    count = len(QGuiApplication.screens()) if args.all_screens else 1
    screens = list(range(count)) if args.all_screens else [args.screen]
    windows = []
    for n, screen in enumerate(screens):  # one voice for the hall, however many screens
        window = DisplayWindow(client, options, words, voice if n == 0 else None)
        show_on_screen(window, screen, fullscreen=not args.windowed,
                       size=args.size or (1280, 720))
        windows.append(window)
    client.start()

    def stop() -> None:
        for shown in windows:
            shown.detach()
        client.stop()

    return run_until_quit(app, windows, stop)
