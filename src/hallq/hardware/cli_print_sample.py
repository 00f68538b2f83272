"""``hallq print-sample``: print a sample ticket of the configured hall on a printer URL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "print a sample ticket for the configured hall (打印样票)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--printer", required=True, metavar="URL",
        help="usb:VID:PID, serial:PORT?baudrate=9600, tcp://HOST:9100, file:PATH, "
             "win32:NAME or preview:DIR[?status=paper_out]",
    )
    parser.add_argument("--config", type=Path, default=Path("config/hall.toml"),
                        help="hall config (default: config/hall.toml)")
    parser.add_argument("--profile", default="default",
                        help="printer profile from hardware/printer/profiles.toml")
    parser.add_argument("--template", type=Path, metavar="TOML",
                        help="file with a [printer.template] or [template] table "
                             "(default: the built-in template)")


def _template_table(path: Path) -> str:
    import tomllib

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return "template"  # load_template reports the problem with the file name
    printer = data.get("printer")
    return "printer.template" if isinstance(printer, dict) and "template" in printer else "template"


def run(args: argparse.Namespace) -> int:
    from hallq.hardware.printer import PrinterConfigError, PrinterError, load_template, open_printer
    from hallq.hardware.printer.sample import slip_from_hall_config

    try:
        slip = slip_from_hall_config(args.config)
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
