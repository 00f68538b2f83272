"""``hallq kiosk``: the ticket kiosk, full screen and touch-first. The composition root: turns
the command line and the ``[kiosk]`` section of the hall config into the client, the printer
thread and the window."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hallq.kiosk.window import KioskWindow

HELP = "the ticket kiosk: services, guides, tickets, appointment check-in (自助取号机)"
TOKEN_ENV = "HALLQ_KIOSK_TOKEN"
NUMBERS = {"idle_seconds": 60.0, "confirm_seconds": 8.0, "printer_check_seconds": 5.0,
           "services_refresh_seconds": 30.0}


def configure(parser: argparse.ArgumentParser) -> None:
    from hallq.client.app_options import add_common

    add_common(parser, TOKEN_ENV)
    parser.add_argument("--printer", metavar="URL", default=None,
                        help="ticket printer: usb:VID:PID, serial:PORT?baudrate=9600, "
                             "tcp://HOST:9100, file:PATH, win32:NAME or preview:DIR "
                             "(default: [kiosk] printer in the config)")
    parser.add_argument("--profile", default=None,
                        help="printer profile (default: [kiosk] profile, else 'default')")


def settings_from(section: dict[str, Any], config: str) -> dict[str, Any]:
    """The ``[kiosk]`` keys, checked; SystemExit naming the file and key otherwise."""
    known = {*NUMBERS, "printer", "profile"}
    unknown = sorted(set(section) - known)
    if unknown:
        raise SystemExit(f"hallq kiosk: {config}: kiosk.{unknown[0]}: unknown key; "
                         f"known: {', '.join(sorted(known))}")
    result: dict[str, Any] = {}
    for key, default in NUMBERS.items():
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not 0 < value <= 86_400:  # nan and inf fail here too; Qt timers need finite
            raise SystemExit(f"hallq kiosk: {config}: kiosk.{key}: must be a positive number "
                             f"of seconds, at most 86400, got {value!r}")
        result[key] = float(value)
    for key in ("printer", "profile"):
        if key in section and not isinstance(section[key], str):
            raise SystemExit(f"hallq kiosk: {config}: kiosk.{key}: must be a string")
        result[key] = section.get(key)
    return result


def run(args: argparse.Namespace) -> int:
    from hallq.client.app_run import run_until_quit

    built = build(args)
    if isinstance(built, int):
        return built
    app, window = built
    window.start()
    return run_until_quit(app, [window], window.stop)


def build(args: argparse.Namespace) -> tuple[QApplication, KioskWindow] | int:
    """The application and the kiosk window, shown but not started; or an exit status."""
    from hallq.client.app_options import app_section, token

    section = settings_from(app_section(args.config, "kiosk"), args.config)
    printer_url = args.printer or section["printer"]
    if not printer_url:
        print("hallq kiosk: give the ticket printer with --printer URL or [kiosk] printer",
              file=sys.stderr)
        return 2
    policy = app_section(args.config, "policy")
    printer_section = app_section(args.config, "printer")
    footer, footer_en = printer_section.get("footer"), printer_section.get("footer_en")
    for key, value in (("footer", footer), ("footer_en", footer_en)):
        if value is not None and not isinstance(value, str):
            raise SystemExit(f"hallq kiosk: {args.config}: printer.{key}: must be a text")
    kiosk_token = token(args)


    from hallq.client.app_run import qt_app
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts
    from hallq.client.kiosk_window import show_on_screen
    from hallq.hardware.printer import PrinterConfigError, open_printer
    from hallq.hardware.printer.sample import DEFAULT_FOOTER, DEFAULT_FOOTER_EN
    from hallq.kiosk.pending import default_path
    from hallq.kiosk.printing import KioskPrinter
    from hallq.kiosk.texts import TEXTS
    from hallq.kiosk.window import KioskSettings, KioskWindow

    try:
        ticket_printer = open_printer(printer_url, profile=args.profile or section["profile"]
                                      or "default")
    except PrinterConfigError as exc:
        print(f"hallq kiosk: --printer: {exc}", file=sys.stderr)
        return 2
    app = qt_app()
    texts = Texts(TEXTS, args.language)
    printer = KioskPrinter(ticket_printer, section["printer_check_seconds"])
    settings = KioskSettings(
        idle_seconds=section["idle_seconds"], confirm_seconds=section["confirm_seconds"],
        services_refresh_seconds=section["services_refresh_seconds"],
        footer=str(footer or DEFAULT_FOOTER), footer_en=str(footer_en or DEFAULT_FOOTER_EN),
        priority_needs_pin=bool(policy.get("priority_needs_pin", False)),
        pending_cancels=default_path())
    client = HallClient(args.server, kiosk_token, app="kiosk")
    window = KioskWindow(client, printer, texts, settings)
    window.setWindowTitle(texts("title"))
    show_on_screen(window, args.screen, fullscreen=not args.windowed,
                   size=args.size or (1280, 800))
    return app, window
