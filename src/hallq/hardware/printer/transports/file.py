"""``file:/dev/usb/lp0`` or a plain path: a one-way device or file, through python-escpos's File.

Nothing comes back through a file, so status is not read and reported as ok.
"""

from __future__ import annotations

from typing import Any

from hallq.hardware.printer.transports.base import Transport


class FileTransport(Transport):
    reads_status = False

    def __init__(self, url: str, path: str) -> None:
        super().__init__(url)
        self.path = path
        self._printer: Any = None

    def open(self, timeout: float) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import File

        printer = File(self.path)
        try:
            printer.open()
        except DeviceNotFoundError as exc:
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
