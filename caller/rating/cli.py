"""Placeholder while this app is being built: replaced by the app's real command module."""

from __future__ import annotations

import argparse

HELP = "the citizen's rating pad (being built)"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    del args
    print("hallq: this app is not built yet")
    return 2
