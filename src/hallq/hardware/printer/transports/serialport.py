"""``serial:/dev/ttyUSB0?baudrate=9600``: a serial printer, opened with pyserial's serial_for_url.

serial_for_url also accepts pyserial URLs (``socket://``, ``rfc2217://``) and pty paths, which
the tests use; python-escpos's Serial cannot open those, so pyserial is used directly.
"""

from __future__ import annotations

from typing import Any

from hallq.hardware.printer.transports.base import Transport

OS_BUFFER = 8192  # bytes a serial write() may leave queued: twice a USB serial driver's page


class SerialTransport(Transport):
    def __init__(self, url: str, port: str, options: dict[str, Any]) -> None:
        super().__init__(url)
        self.port, self.options = port, options
        self._serial: Any = None

    def open(self, timeout: float) -> None:
        import serial

        try:
            self._serial = serial.serial_for_url(
                self.port, timeout=timeout, write_timeout=timeout, **self.options
            )
        except (serial.SerialException, ValueError) as exc:
            raise ConnectionError(f"{self.url}: cannot open {self.port}: {exc}") from None

    def _port(self) -> Any:
        if self._serial is None:
            raise ConnectionError(f"{self.url}: not open")
        return self._serial

    def write(self, data: bytes, timeout: float) -> None:
        import serial

        port = self._port()
        port.write_timeout = timeout
        try:
            port.write(data)
        except serial.SerialTimeoutException:
            raise TimeoutError(f"{self.url}: write timed out after {timeout:.1f} s") from None
        except serial.SerialException as exc:
            raise ConnectionError(f"{self.url}: {exc}") from None

    def transmit_s(self, size: int) -> float:
        """write() returns once the bytes are in the OS buffer (a page for USB serial
        adapters): at most that much is still on its way, ten bits a byte (8N1)."""
        baudrate = getattr(self._serial, "baudrate", None) or self.options.get("baudrate", 9600)
        return min(size, OS_BUFFER) * 10 / float(baudrate)

    def read(self, size: int, timeout: float) -> bytes:
        port = self._port()
        port.timeout = timeout
        return bytes(port.read(size))

    def drain(self) -> None:
        self._port().reset_input_buffer()

    def close(self) -> None:
        if self._serial is not None:
            self._serial.close()
        self._serial = None
