"""A simulated RS-485 line: the far end of a pty (``PtyLine``) or a TCP port on 127.0.0.1
(``TcpLine``) with simulated devices hanging on it. The bus opens ``line.url``.

``inject_garbage(data)`` puts noise on the line; ``unplug()`` makes the whole port disappear
(the pty is closed and its path removed / the TCP port stops listening) and ``plug()`` brings it
back at the same ``url``. ``on_frame(message, time.perf_counter())`` sees every good frame.
"""

from __future__ import annotations

import os
import select
import socket
import tempfile
import threading
import time
import tty
from collections.abc import Callable, Iterable

from hallq.hardware.bus.codec import Codec
from hallq.hardware.bus.message import Message
from hallq.hardware.bus.sim_devices import SimDevice


class SimLine:
    url = ""

    def __init__(self, codec: Codec, devices: Iterable[SimDevice] = ()) -> None:
        self.codec = codec
        self.devices = {d.address: d for d in devices}
        self.on_frame: Callable[[Message, float], None] | None = None
        self._decoder = codec.decoder()
        self._io = threading.Lock()
        self._running = True
        self._plugged = False
        self.plug()
        self._thread = threading.Thread(target=self._serve, name=f"sim {self.url}", daemon=True)
        self._thread.start()

    def add(self, device: SimDevice) -> SimDevice:
        self.devices[device.address] = device
        return device

    def inject_garbage(self, data: bytes) -> None:
        with self._io:
            if self._plugged:
                self._write(data)

    def plug(self) -> None:
        with self._io:
            if not self._plugged:
                self._open()
                self._decoder.reset()
                self._plugged = True

    def unplug(self) -> None:
        with self._io:
            if self._plugged:
                self._plugged = False
                self._shut()

    def close(self) -> None:
        self._running = False
        self._thread.join(2.0)
        self.unplug()

    def _serve(self) -> None:
        while self._running:
            with self._io:
                try:
                    data = self._read(0.02) if self._plugged else None
                except OSError:
                    data = None
                for message in self._decoder.feed(data) if data else ():
                    if self.on_frame:
                        self.on_frame(message, time.perf_counter())
                    device = self.devices.get(message.address)
                    reply = device.handle(message) if device else None
                    if reply is not None:
                        self._write(self.codec.encode(reply))
            if data is None:
                time.sleep(0.01)

    # transports fill these in; they run with self._io held
    def _open(self) -> None: ...
    def _shut(self) -> None: ...
    def _read(self, timeout: float) -> bytes | None: ...
    def _write(self, data: bytes) -> None: ...


class PtyLine(SimLine):
    """The bus side opens ``url``, a stable symlink to the current pty slave."""

    def __init__(self, codec: Codec, devices: Iterable[SimDevice] = ()) -> None:
        self._dir = tempfile.mkdtemp(prefix="hallq-bus-")
        self.url = os.path.join(self._dir, "ttyBUS")
        super().__init__(codec, devices)

    def _open(self) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        os.symlink(os.ttyname(self._slave), self.url)

    def _shut(self) -> None:
        os.unlink(self.url)
        os.close(self._master)
        os.close(self._slave)

    def _read(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self._master], [], [], timeout)
        return os.read(self._master, 4096) if ready else b""

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._master, view):]

    def close(self) -> None:
        super().close()
        os.rmdir(self._dir)


class TcpLine(SimLine):
    """The bus side opens ``socket://127.0.0.1:PORT``; one connection at a time."""

    def __init__(self, codec: Codec, devices: Iterable[SimDevice] = ()) -> None:
        self._port = 0
        self._client: socket.socket | None = None
        super().__init__(codec, devices)

    def _open(self) -> None:
        self._server = socket.create_server(("127.0.0.1", self._port))
        self._port = self._server.getsockname()[1]
        self.url = f"socket://127.0.0.1:{self._port}"

    def _shut(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self._server.close()

    def _read(self, timeout: float) -> bytes | None:
        watched = [self._server] if self._client is None else [self._client]
        ready, _, _ = select.select(watched, [], [], timeout)
        if not ready:
            return b""
        if self._client is None:
            self._client, _ = self._server.accept()
            self._client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return b""
        data = self._client.recv(4096)
        if not data:
            self._client.close()
            self._client = None
        return data

    def _write(self, data: bytes) -> None:
        if self._client is not None:
            self._client.sendall(data)
