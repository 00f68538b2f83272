"""The one console command, ``hallq``, and its subcommands.

Each subcommand lives in its own package as a module with ``HELP``, ``configure(parser)`` and
``run(args) -> int``; those modules import their heavy dependencies inside ``run`` so that
``hallq --help`` stays fast. Add a subcommand by adding one line to ``SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from hallq.common import logfiles
from hallq.common.version import hallq_version

SUBCOMMANDS: dict[str, str] = {
    "server": "hallq.server.cli_server",
    "report": "hallq.server.cli_report",
    "users": "hallq.server.cli_users",
    "config": "hallq.server.cli_config",
    "hash-pin": "hallq.server.cli_tools",
    "appointments": "hallq.server.cli_appointments",
    "backup": "hallq.server.cli_backup",
    "restore": "hallq.server.cli_restore",
    "db": "hallq.server.cli_db",
    "simulate": "hallq.simulate",
    "demo": "hallq.demo",
    "announce": "hallq.display.cli_announce",
    "voice": "hallq.display.cli_voice",
    "print-sample": "hallq.print_sample",
    "bridge": "hallq.bridge.cli",
    "bus-sim": "hallq.bus_sim.cli",
    "kiosk": "hallq.kiosk.cli",
    "caller": "hallq.caller.pad.cli",
    "rate": "hallq.caller.rating.cli",
    "display": "hallq.display.tv.cli",
}
# the apps that run all day log to a rotating file too (the server and the bridge set up theirs)
LOGGED_APPS = ("bus-sim", "kiosk", "caller", "rate", "display")


class Subcommand(Protocol):
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hallq", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hallq {hallq_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in SUBCOMMANDS.items():
        module = cast(Subcommand, importlib.import_module(module_name))
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(sub)
        sub.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module = cast(Subcommand, args._module)
    if args.command in LOGGED_APPS:  # one file per pad: caller-3.log, rate-3.log
        window = getattr(args, "window", None)
        logfiles.setup(f"{args.command}-{window}" if window else args.command)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
