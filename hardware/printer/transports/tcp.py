"""``tcp://host:9100``: a network printer's raw port, through python-escpos's Network."""

from __future__ import annotations

import socket
from typing import Any

from hardware.printer.transports.base import Transport


class TcpTransport(Transport):
    def __init__(self, url: str, host: str, port: int) -> None:
        super().__init__(url)
        self.host, self.port = host, port
        self._printer: Any = None
        self._sock: socket.socket | None = None

    def open(self, timeout: float) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Network

        self._printer = Network(self.host, self.port, timeout=timeout)
        try:
            self._printer.open()
        except DeviceNotFoundError as exc:
            raise ConnectionError(f"{self.url}: cannot connect: {exc}") from None
        self._sock = self._printer.device

    def _socket(self) -> socket.socket:
        if self._sock is None:
            raise ConnectionError(f"{self.url}: not connected")
        return self._sock

    def write(self, data: bytes, timeout: float) -> None:
        sock = self._socket()
        sock.settimeout(timeout)  # sendall: the whole call is bounded by the timeout
        sock.sendall(data)

    def read(self, size: int, timeout: float) -> bytes:
        sock = self._socket()
        sock.settimeout(timeout)
        try:
            data = sock.recv(size)
        except TimeoutError:
            return b""
        if not data:
            raise ConnectionError(f"{self.url}: the printer closed the connection")
        return data

    def drain(self) -> None:
        sock = self._socket()
        sock.setblocking(False)
        try:
            while sock.recv(256):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        finally:
            sock.setblocking(True)

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
        self._printer = self._sock = None
