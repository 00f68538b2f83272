"""Command-line options every app shares, and turning them into the shared client."""

from __future__ import annotations

import argparse
import os
import tomllib
from pathlib import Path
from typing import Any

from hallq.common import paths

DEFAULT_SERVER = "http://127.0.0.1:8080"


def add_common(parser: argparse.ArgumentParser, token_env: str) -> None:
    parser.add_argument("--server", default=os.environ.get("HALLQ_SERVER", DEFAULT_SERVER),
                        help=f"queue server URL (default {DEFAULT_SERVER}, or $HALLQ_SERVER)")
    parser.add_argument("--token", default=None,
                        help=f"this device's token (default ${token_env}, or $HALLQ_TOKEN)")
    paths.add_config(parser, help="hall config, for this app's own section")
    parser.add_argument("--language", choices=["zh", "en"], default="zh")
    parser.add_argument("--windowed", action="store_true",
                        help="a normal window instead of full screen (for trying it out)")
    parser.add_argument("--size", type=window_size, default=None, metavar="WxH",
                        help="with --windowed: the window's size, e.g. 1920x1080")
    parser.add_argument("--screen", type=int, default=0, help="which screen to fill")
    parser.set_defaults(_token_env=token_env)


def window_size(text: str) -> tuple[int, int]:
    """``1920x1080`` → (1920, 1080); argparse reports anything else as a bad --size."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit() and int(width) >= 320
            and int(height) >= 240):
        raise argparse.ArgumentTypeError(f"{text!r}: give WIDTHxHEIGHT, e.g. 1920x1080")
    return int(width), int(height)


def token(args: argparse.Namespace) -> str:
    value = args.token or os.environ.get(args._token_env) or os.environ.get("HALLQ_TOKEN")
    if not value:
        raise SystemExit(f"hallq: give this device's token with --token or ${args._token_env}")
    return str(value)


def app_section(config: str | Path, name: str) -> dict[str, Any]:
    """This app's section of the hall config (``[kiosk]``, ``[display]`` …); empty if absent."""
    path = Path(config)
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SystemExit(f"hallq: {path}: not valid TOML: {exc}") from None
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise SystemExit(f"hallq: {path}: {name}: must be a table")
    return section
