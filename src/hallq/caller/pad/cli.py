"""``hallq caller --window 3``: the clerk's caller pad (窗口呼叫器). The composition root."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

HELP = "the clerk's caller pad for one window (窗口呼叫器)"
TOKEN_ENV = "HALLQ_WINDOW_TOKEN"


def configure(parser: argparse.ArgumentParser) -> None:
    from hallq.client.app_options import add_common

    parser.add_argument("--window", required=True, help="the window this pad belongs to, e.g. 3")
    add_common(parser, TOKEN_ENV)


def pause_reasons(config: str | Path) -> list[str]:
    """``[caller] pause_reasons`` if set, else the hall's ``[policy] pause_reasons`` (the server
    accepts only those), else none: the pad then offers the server's (its snapshot's
    ``hall.pause_reasons``), so the usual ones are defined once, in the server's domain."""
    from hallq.client.app_options import app_section

    own = app_section(config, "caller").get("pause_reasons")
    policy = app_section(config, "policy").get("pause_reasons")
    for key, reasons in (("caller", own or []), ("policy", policy or [])):
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            raise SystemExit(f"hallq: {config}: [{key}] pause_reasons: must be a list of texts")
    unknown = [r for r in own or [] if policy and r not in policy]
    if unknown:
        raise SystemExit(f"hallq: {config}: [caller] pause_reasons: {', '.join(unknown)} not in "
                         "[policy] pause_reasons (the server would refuse them)")
    return list(own or policy or [])


def run(args: argparse.Namespace) -> int:
    from hallq.client.app_options import token

    window_token = token(args)
    try:
        reasons = pause_reasons(args.config)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - app_section says it first
        print(f"hallq caller: {args.config}: {exc}", file=sys.stderr)
        return 2

    from hallq.caller.pad.session import PadSession
    from hallq.caller.pad.texts import TEXTS
    from hallq.caller.pad.window import PadWindow
    from hallq.client.app_run import qt_app, run_until_quit
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts
    from hallq.client.kiosk_window import show_on_screen

    app = qt_app()
    texts = Texts(TEXTS, args.language)
    client = HallClient(args.server, window_token, app="caller", window=args.window)
    session = PadSession(client, args.window, texts)
    window = PadWindow(session, texts, reasons)
    show_on_screen(window, args.screen, fullscreen=not args.windowed,
                   size=args.size or (1280, 800))
    session.start()
    return run_until_quit(app, [window], client.stop)
