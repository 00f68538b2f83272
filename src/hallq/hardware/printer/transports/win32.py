"""``win32:PRINTER NAME``: a Windows printer queue in RAW mode, through python-escpos's Win32Raw.

Importable on Windows only; elsewhere importing it raises ImportError, which the URL parser turns
into a clear error. Status cannot be read through the spooler and is reported as ok.
"""

from __future__ import annotations

import sys
from typing import Any

from hallq.hardware.printer.transports.base import Transport

if sys.platform != "win32":
    raise ImportError("the win32: printer transport works on Windows only")


class Win32Transport(Transport):
    reads_status = False

    def __init__(self, url: str, name: str) -> None:
        super().__init__(url)
        self.name = name
        self._printer: Any = None

    def open(self, timeout: float) -> None:
        from escpos.printer import Win32Raw

        printer = Win32Raw(self.name)
        try:
            printer.open()
        except Exception as exc:
            raise ConnectionError(f"{self.url}: {exc}") from None
        self._printer = printer

    def write(self, data: bytes, timeout: float) -> None:
        if self._printer is None:
            raise ConnectionError(f"{self.url}: not open")
        self._printer._raw(data)

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
        self._printer = None
