"""The network printer's socket: no Nagle delay before the status request that follows a ticket,
and a small send buffer so that a printer that stops reading blocks the write."""

from __future__ import annotations

import socket

from hallq.hardware.printer.transports.tcp import SEND_BUFFER, TcpTransport
from tests.hardware.printer.fake_printer import TcpFakePrinter


def test_the_socket_sends_at_once_with_a_small_buffer() -> None:
    fake = TcpFakePrinter("normal")
    transport = TcpTransport(fake.url, "127.0.0.1", fake.port)
    try:
        transport.open(2)
        sock = transport._socket()
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) <= 2 * SEND_BUFFER
        assert transport.query(b"\x10\x04\x01", 2) == b"\x12"  # answered: online
    finally:
        transport.close()
        fake.close()
