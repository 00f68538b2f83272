"""A printer URL → the transport that reaches it. Each URL form is one small parser below.

  usb:VID:PID[?in_ep=0x82&out_ep=0x01]       usb:0x0416:0x5011
  serial:PORT[?baudrate=9600&rtscts=1&...]   serial:/dev/ttyUSB0?baudrate=9600, serial:COM3
  tcp://HOST[:PORT]                          tcp://192.168.1.50:9100 (port 9100 by default)
  file:PATH, or a plain path                 file:/dev/usb/lp0, /dev/usb/lp0, ./ticket.bin
  win32:PRINTER NAME                         win32:POS-80 (Windows only)
  preview:DIR[?status=STATE]                 preview:var/tickets?status=paper_out
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from hallq.hardware.printer.errors import PrinterUrlError
from hallq.hardware.printer.transports.base import Transport

SERIAL_OPTIONS = {"baudrate": int, "bytesize": int, "stopbits": float, "parity": str,
                  "rtscts": bool, "xonxoff": bool, "dsrdtr": bool}


def _options(url: str, query: str, allowed: dict[str, type]) -> dict[str, object]:
    options: dict[str, object] = {}
    for key, raw in parse_qsl(query, keep_blank_values=True):
        kind = allowed.get(key)
        if kind is None:
            known = ", ".join(allowed) or "none"
            raise PrinterUrlError(f"printer URL {url!r}: unknown option {key!r} (known: {known})")
        try:
            if kind is bool:
                options[key] = {"1": True, "true": True, "0": False, "false": False}[raw.lower()]
            elif kind is int:
                options[key] = int(raw, 0)
            else:
                options[key] = kind(raw)
        except (KeyError, ValueError):
            raise PrinterUrlError(
                f"printer URL {url!r}: option {key}={raw!r} is not a valid {kind.__name__}"
            ) from None
    return options


def _usb(url: str, rest: str, query: str) -> Transport:
    from hallq.hardware.printer.transports.usb import UsbTransport

    ids = rest.split(":")
    try:
        vendor, product = (int(x, 16) for x in ids)
    except ValueError:
        raise PrinterUrlError(
            f"printer URL {url!r}: expected usb:VID:PID in hex, e.g. usb:0x0416:0x5011"
        ) from None
    eps = _options(url, query, {"in_ep": int, "out_ep": int})
    return UsbTransport(url, vendor, product, int(eps.get("in_ep", 0x82)),  # type: ignore[call-overload]
                        int(eps.get("out_ep", 0x01)))  # type: ignore[call-overload]


def _serial(url: str, rest: str, query: str) -> Transport:
    from hallq.hardware.printer.transports.serialport import SerialTransport

    if not rest:
        raise PrinterUrlError(f"printer URL {url!r}: no serial port, e.g. serial:/dev/ttyUSB0")
    options = _options(url, query, SERIAL_OPTIONS)
    baudrate = options.get("baudrate", 9600)
    if not isinstance(baudrate, int) or not 50 <= baudrate <= 4_000_000:
        raise PrinterUrlError(f"printer URL {url!r}: baudrate={baudrate} is not a baud rate "
                              "(50 to 4000000)")
    return SerialTransport(url, rest, options)


def _tcp(url: str, rest: str, query: str) -> Transport:
    from hallq.hardware.printer.transports.tcp import TcpTransport

    try:
        parts = urlsplit("tcp:" + rest)
        host, port = parts.hostname, parts.port or 9100
    except ValueError as exc:
        raise PrinterUrlError(f"printer URL {url!r}: {exc}") from None
    if not host or parts.path not in ("", "/") or query:
        raise PrinterUrlError(f"printer URL {url!r}: expected tcp://HOST[:PORT]")
    return TcpTransport(url, host, port)


def _file(url: str, rest: str, query: str) -> Transport:
    from hallq.hardware.printer.transports.file import FileTransport

    if not rest:
        raise PrinterUrlError(f"printer URL {url!r}: no path, e.g. file:/dev/usb/lp0")
    return FileTransport(url, rest + ("?" + query if query else ""))


def _win32(url: str, rest: str, query: str) -> Transport:
    try:
        from hallq.hardware.printer.transports.win32 import Win32Transport
    except ImportError as exc:
        raise PrinterUrlError(f"printer URL {url!r}: {exc} (this is {sys.platform})") from None
    if not rest:
        raise PrinterUrlError(f"printer URL {url!r}: no printer name, e.g. win32:POS-80")
    return Win32Transport(url, rest + ("?" + query if query else ""))


def _preview(url: str, rest: str, query: str) -> Transport:
    from hallq.hardware.printer.transports.preview import ANSWERS, PreviewTransport

    status = str(_options(url, query, {"status": str}).get("status", "ok"))
    if status not in ANSWERS:
        raise PrinterUrlError(
            f"printer URL {url!r}: status must be one of {', '.join(ANSWERS)}, got {status!r}"
        )
    if not rest:
        raise PrinterUrlError(f"printer URL {url!r}: no directory, e.g. preview:var/tickets")
    return PreviewTransport(url, Path(rest), status)


SCHEMES: dict[str, Callable[[str, str, str], Transport]] = {
    "usb": _usb, "serial": _serial, "tcp": _tcp, "file": _file, "win32": _win32,
    "preview": _preview,
}
PATH_LIKE = re.compile(r"^(/|\./|\.\./|~|[A-Za-z]:[\\/]|\\\\)")


def transport_for_url(url: str) -> Transport:
    """The transport for ``url``; PrinterUrlError naming the URL and the problem otherwise."""
    url = url.strip()
    if PATH_LIKE.match(url):
        return _file(url, str(Path(url).expanduser()), "")
    scheme, colon, rest = url.partition(":")
    if not colon or scheme not in SCHEMES:
        forms = "usb:VID:PID, serial:PORT, tcp://HOST:PORT, file:PATH, win32:NAME, preview:DIR"
        raise PrinterUrlError(
            f"printer URL {url!r}: unknown kind {scheme!r}; use one of {forms} or a path"
        )
    if scheme == "tcp":
        if not rest.startswith("//"):
            raise PrinterUrlError(f"printer URL {url!r}: expected tcp://HOST[:PORT]")
        rest, _, query = rest.partition("?")
        return _tcp(url, rest, query)
    rest, _, query = rest.partition("?")
    return SCHEMES[scheme](url, rest, query)
