"""A fake ESC/POS printer on a real TCP port or a pty: records bytes, answers DLE EOT.

Modes: normal, paper_out, paper_low, cover_open, silence (reads, never answers) and stall
(stops reading after exactly ``stall_after`` bytes, so the sender's writes block once buffers
fill; ``stalled`` is set then). Both fakes answer as soon as a request arrives (no polling
interval), so a status request never waits on the fake's loop.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
import tty

ANSWERS = {
    "normal": {1: 0x12, 2: 0x12, 4: 0x12},
    "paper_out": {1: 0x1A, 2: 0x32, 4: 0x72},
    "paper_low": {1: 0x12, 2: 0x12, 4: 0x1E},
    "cover_open": {1: 0x1A, 2: 0x16, 4: 0x12},
}


class FakePrinterCore:
    def __init__(self, mode: str = "normal", stall_after: int = 64) -> None:
        self.mode, self.stall_after = mode, stall_after
        self.received = bytearray()
        self.queries: list[int] = []
        self.stop = threading.Event()
        self.stalled = threading.Event()  # set once a stalling fake has stopped reading
        self.stalled_at = 0.0  # time.monotonic() then

    @property
    def reading(self) -> bool:
        if self.mode == "stall" and len(self.received) >= self.stall_after:
            if not self.stalled.is_set():
                self.stalled_at = time.monotonic()
                self.stalled.set()
            return False
        return True

    def chunk(self) -> int:
        """How many bytes to read next: a stalling fake never reads past ``stall_after``."""
        if self.mode == "stall":
            return max(1, min(1024, self.stall_after - len(self.received)))
        return 1024

    def feed(self, data: bytes) -> bytes:
        """Record ``data``; return the answers to the DLE EOT requests it completes."""
        start = max(0, len(self.received) - 2)
        self.received += data
        answers = bytearray()
        i = self.received.find(b"\x10\x04", start)
        while 0 <= i < len(self.received) - 2:
            n = self.received[i + 2]
            self.queries.append(n)
            table = ANSWERS.get(self.mode, ANSWERS["normal"])  # stall answers until it stalls
            if self.mode != "silence" and n in table:
                answers.append(table[n])
            i = self.received.find(b"\x10\x04", i + 3)
        return bytes(answers)

    @property
    def job(self) -> bytes:
        """What was received, without the status requests."""
        return bytes(self.received).replace(b"\x10\x04\x01", b"").replace(
            b"\x10\x04\x02", b"").replace(b"\x10\x04\x04", b"")


class TcpFakePrinter(FakePrinterCore):
    def __init__(self, mode: str = "normal", stall_after: int = 64) -> None:
        super().__init__(mode, stall_after)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.port = self.server.getsockname()[1]
        self.url = f"tcp://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conns: list[socket.socket] = []
        while not self.stop.is_set():
            watched = [self.server, *conns] if self.reading else [self.server]
            ready = select.select(watched, [], [], 0.05)[0]
            if self.server in ready:
                with contextlib.suppress(OSError):
                    conns.append(self.server.accept()[0])
            for conn in [c for c in conns if c in ready]:
                if not self.reading:
                    break
                try:
                    data = conn.recv(self.chunk())
                except OSError:
                    data = b""
                if not data:
                    conns.remove(conn)
                    conn.close()
                    continue
                answer = self.feed(data)
                if answer:
                    conn.sendall(answer)
        for conn in conns:
            conn.close()
        self.server.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)


class PtyFakePrinter(FakePrinterCore):
    def __init__(self, mode: str = "normal", stall_after: int = 64) -> None:
        super().__init__(mode, stall_after)
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            if not self.reading:
                self.stop.wait(0.02)
                continue
            if not select.select([self.master], [], [], 0.02)[0]:
                continue
            try:
                data = os.read(self.master, self.chunk())
            except OSError:
                continue
            answer = self.feed(data)
            if answer:
                os.write(self.master, answer)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        os.close(self.master)
        os.close(self.slave)
