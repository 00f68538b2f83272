"""``hallq print-sample``: print a sample ticket of the configured hall on a printer URL.

A CLI-level module: it joins the hall config (read with the server's loader) and the printer
driver, two layers that do not import each other.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hallq.common import paths

if TYPE_CHECKING:
    from hallq.hardware.printer.slip import TicketSlip

HELP = "print a sample ticket for the configured hall (打印样票)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--printer", required=True, metavar="URL",
        help="usb:VID:PID, serial:PORT?baudrate=9600, tcp://HOST:9100, file:PATH, "
             "win32:NAME or preview:DIR[?status=paper_out]",
    )
    paths.add_config(parser)
    parser.add_argument("--profile", default="default",
                        help="printer profile from hardware/printer/profiles.toml")
    parser.add_argument("--template", type=Path, metavar="TOML",
                        help="file with a [printer.template] or [template] table "
                             "(default: the built-in template)")


def slip_from_hall_config(path: Path, issued_at: datetime | None = None) -> TicketSlip:
    """A sample ticket (number PREFIX001) for the first service of the hall config at ``path``,
    read with the server's own loader, so errors name the file and key the same way."""
    from hallq.common.tomlreader import ConfigError
    from hallq.hardware.printer.sample import DEFAULT_FOOTER, HallConfigError
    from hallq.hardware.printer.slip import TicketSlip
    from hallq.server.config import load_hall

    try:
        hall = load_hall(path)
    except ConfigError as exc:
        raise HallConfigError(str(exc)) from None
    printer = _section(path, "printer")
    service = hall.services[0]
    footer = printer.get("footer", DEFAULT_FOOTER)
    return TicketSlip(
        hall_name=hall.name, number=f"{service.prefix}001", service_name=service.name,
        windows=[w.name for w in hall.windows_serving(service.code)], waiting_ahead=0,
        issued_at=issued_at or datetime.now(), priority=False,
        materials=list(service.guide.materials),
        qr_url=hall.status_url.replace("{token}", "sample") if hall.status_url else None,
        footer=str(footer),
    )


def _section(path: Path, name: str) -> dict[str, Any]:
    with path.open("rb") as fh:
        section = tomllib.load(fh).get(name, {})
    return section if isinstance(section, dict) else {}


def _template_table(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return "template"  # load_template reports the problem with the file name
    printer = data.get("printer")
    return "printer.template" if isinstance(printer, dict) and "template" in printer else "template"


def run(args: argparse.Namespace) -> int:
    from hallq.hardware.printer import PrinterConfigError, PrinterError, load_template, open_printer

    try:
        slip = slip_from_hall_config(Path(args.config))
        template = None
        if args.template is not None:
            template = load_template(args.template, _template_table(args.template))
        printer = open_printer(args.printer, profile=args.profile, template=template)
    except PrinterConfigError as exc:
        print(f"hallq print-sample: {exc}", file=sys.stderr)
        return 2
    with printer:
        try:
            result = printer.print_slip(slip)
        except PrinterError as exc:
            status = exc.status
            print(f"hallq print-sample: {status.message_zh} / {status.message_en} "
                  f"[{status.kind.value}: {status.detail}]", file=sys.stderr)
            return 1
    print(f"printed sample ticket {result.number} for {slip.hall_name} on {args.printer}: "
          f"{result.bytes_sent} bytes, {result.mode} mode, printer {result.status.kind.value}")
    if result.replaced:
        print(f"warning: the printer cannot print {''.join(result.replaced)!r}; "
              f"printed {printer.profile.replacement!r} instead", file=sys.stderr)
    return 0
