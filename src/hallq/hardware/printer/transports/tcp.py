"""``tcp://host:9100``: a network printer's raw port (JetDirect / AppSocket).

A plain socket rather than python-escpos's Network: that one leaks its socket when the
connection is refused and offers no per-call timeouts for reading status.
"""

from __future__ import annotations

import contextlib
import socket

from hallq.hardware.printer.transports.base import Transport

SEND_BUFFER = 4096


class TcpTransport(Transport):
    def __init__(self, url: str, host: str, port: int) -> None:
        super().__init__(url)
        self.host, self.port = host, port
        self._sock: socket.socket | None = None

    def open(self, timeout: float) -> None:
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except OSError as exc:
            raise ConnectionError(f"{self.url}: cannot connect: {exc}") from None
        # A small send buffer keeps sendall() in step with what the printer really takes, so a
        # printer that stops reading blocks the write (a stall) instead of filling megabytes.
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        # The status request that follows a ticket must not wait for the ticket's last segment
        # to be acknowledged (Nagle with delayed ACKs: up to 40 ms on every ticket).
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

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
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a write blocked in another thread
            sock.close()
