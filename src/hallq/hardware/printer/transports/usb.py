"""``usb:0x0416:0x5011``: a USB printer by vendor and product id, through python-escpos's Usb."""

from __future__ import annotations

from typing import Any

from hallq.hardware.printer.transports.base import Transport


class UsbTransport(Transport):
    def __init__(self, url: str, vendor: int, product: int, in_ep: int, out_ep: int) -> None:
        super().__init__(url)
        self.vendor, self.product, self.in_ep, self.out_ep = vendor, product, in_ep, out_ep
        self._printer: Any = None

    def open(self, timeout: float) -> None:
        from escpos.printer import Usb

        printer = Usb(self.vendor, self.product, timeout=int(timeout * 1000),
                      in_ep=self.in_ep, out_ep=self.out_ep)
        try:
            printer.open()
        except RuntimeError as exc:  # pyusb missing
            raise ConnectionError(f"{self.url}: {exc} (pip install pyusb)") from None
        except Exception as exc:  # DeviceNotFoundError, USBError
            raise ConnectionError(f"{self.url}: cannot open USB printer: {exc}") from None
        self._printer = printer

    def _device(self) -> Any:
        if self._printer is None:
            raise ConnectionError(f"{self.url}: not open")
        return self._printer.device

    def write(self, data: bytes, timeout: float) -> None:
        self._device().write(self.out_ep, data, int(timeout * 1000))

    def read(self, size: int, timeout: float) -> bytes:
        try:
            return bytes(self._device().read(self.in_ep, size, int(timeout * 1000)))
        except Exception as exc:
            if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
                return b""
            raise ConnectionError(f"{self.url}: {exc}") from None

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
        self._printer = None
