"""Small admin commands: ``hallq hash-pin`` and ``hallq appointments``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from hallq.common import paths

HELP = "hash a clerk's or guide's PIN for the hall config (the PIN itself is never stored)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin", default=None, help="the PIN (default: asked without echo)")


def run(args: argparse.Namespace) -> int:
    from hallq.server.domain.secrets import hash_pin, is_pin

    pin = args.pin or getpass.getpass("PIN: ")
    if not is_pin(pin):
        print("hallq hash-pin: a PIN is 4 to 12 digits", file=sys.stderr)
        return 2
    print(hash_pin(pin))
    return 0


class Appointments:
    HELP = "import appointments from a CSV file (code,service,slot_start,slot_end[,citizen_id])"

    @staticmethod
    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path,
                            help="CSV with a header row (UTF-8 or GBK); service by code or "
                                 "name; times ISO or local (2026/11/23 9:00, the hall's zone)")
        paths.add_config(parser)
        parser.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from hallq.common.tomlreader import ConfigError
        from hallq.server.bootstrap import build
        from hallq.server.domain.errors import HallError
        from hallq.server.storage.engine import DatabaseError

        try:
            server = build(args.config, args.db)
            count = server.service.import_appointments(args.file)
        except FileNotFoundError:
            print(f"hallq appointments: {args.file}: no such file", file=sys.stderr)
            return 2
        except (ConfigError, DatabaseError, HallError) as exc:
            print(f"hallq appointments: {exc}", file=sys.stderr)
            return 2
        print(f"imported {count} appointments from {args.file}")
        return 0
