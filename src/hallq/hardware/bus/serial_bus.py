"""One RS-485 port in its own thread: queued frames out, round-robin polls, device health.

Half-duplex master: every frame gets one reply (ack, or an event for a poll) within
``timeout_ms``, and ``gap_ms`` of silence separates the end of one exchange from the next frame.
Frames to send are coalesced per (address, command): only the newest text for a screen waits.
The bus remembers the last frame of each kind sent to each device and sends it again when the
device comes back, so a screen that lost power shows the right thing once it answers again.
A device missing ``offline_after`` replies in a row is reported offline and probed with a poll
after a growing back-off; the others keep working. A port that fails is closed, its devices are
reported offline, and it is reopened every ``reopen_ms``. Callbacks run on the bus thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import serial

from hallq.hardware.bus.codec import Codec
from hallq.hardware.bus.health import BusTiming, DeviceHealth
from hallq.hardware.bus.message import Command, Message

log = logging.getLogger(__name__)
Key = tuple[int, Command]


class SerialBus:
    def __init__(self, url: str, codec: Codec, *, baudrate: int = 9600,
                 timing: BusTiming | None = None, name: str = "",
                 on_message: Callable[[Message], None] | None = None,
                 on_device_status: Callable[[int, bool], None] | None = None,
                 on_port_status: Callable[[bool], None] | None = None,
                 opener: Callable[..., Any] = serial.serial_for_url) -> None:
        self.url, self.codec, self.baudrate = url, codec, baudrate
        self.timing = timing or BusTiming()
        self.name = name or url
        self._on_message, self._on_status = on_message, on_device_status
        self._on_port, self._opener = on_port_status, opener
        self._devices: dict[int, DeviceHealth] = {}
        self._queue: dict[Key, Message] = {}
        self._state: dict[Key, Message] = {}
        self._cond = threading.Condition()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._port: Any = None
        self._decoder = codec.decoder()
        self._last_io = 0.0
        self._rr = 0
        self._port_failed_logged = False
        self.stats = {"frames": 0, "replies": 0, "timeouts": 0}  # read by benches, status pages

    def add_device(self, address: int, *, polled: bool) -> None:
        """Register a device; ``polled`` for input devices (keypads, rating devices)."""
        with self._cond:
            self._devices[address] = DeviceHealth(address, polled)
            self._cond.notify()

    def is_online(self, address: int) -> bool | None:
        with self._cond:
            return self._devices[address].online

    def send(self, message: Message) -> None:
        """Queue a frame (thread-safe). A newer frame of the same kind to the same device
        replaces one not yet sent; a frame for an offline device waits for its return."""
        self.codec.encode(message)  # refuse what cannot be encoded here, not on the bus thread
        key = (message.address, message.command)
        with self._cond:
            self._state[key] = message
            device = self._devices.get(message.address)
            if device is None or device.online is not False:
                self._queue[key] = message
                self._cond.notify()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"bus {self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        with self._cond:
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout)
        self._close()

    # --- the bus thread -------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping.is_set():
            if self._port is None and not self._open():
                self._stopping.wait(self.timing.reopen_ms / 1000)
                continue
            try:
                self._step()
            except Exception as e:  # SerialException, OSError, termios.error: the port is gone
                self._lost(e)

    def _step(self) -> None:
        # the line's quiet gap first, then choose: a frame queued meanwhile goes out next
        pause = self._last_io + self.timing.gap_ms / 1000 - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        with self._cond:
            message = self._next_output()
            if message is None:
                device, wait = self._due_device(time.monotonic())
                if device is None:
                    self._cond.wait(min(wait, 0.05))
                    return
                message = Message(device.address, Command.POLL)
        reply = self._exchange(message)
        self._account(message, reply)

    def _next_output(self) -> Message | None:
        for key, message in self._queue.items():
            device = self._devices.get(key[0])
            if device is None or device.online is not False:
                del self._queue[key]
                return message
        return None

    def _due_device(self, now: float) -> tuple[DeviceHealth | None, float]:
        devices = list(self._devices.values())
        for i in range(len(devices)):
            device = devices[(self._rr + i) % len(devices)]
            if device.next_poll <= now:
                self._rr = (self._rr + i + 1) % len(devices)
                return device, 0.0
        return None, min((d.next_poll - now for d in devices), default=0.05)

    def _exchange(self, message: Message) -> Message | None:
        """Send one frame and wait for the addressed device's reply (half-duplex)."""
        frame = self.codec.encode(message)
        port = self._port
        port.reset_input_buffer()
        self._decoder.reset()
        port.write(frame)
        port.flush()
        deadline = time.monotonic() + self.timing.timeout_ms / 1000
        reply = None
        while reply is None and time.monotonic() < deadline:
            data = port.read(port.in_waiting or 1)
            for answer in self._decoder.feed(data) if data else ():
                if answer.address == message.address:
                    reply = answer
                    break
                log.debug("bus %s: reply from %d while talking to %d", self.name,
                          answer.address, message.address)
        self._last_io = time.monotonic()
        self.stats["frames"] += 1
        self.stats["replies" if reply else "timeouts"] += 1
        return reply

    def _account(self, message: Message, reply: Message | None) -> None:
        now = time.monotonic()
        news: list[tuple[int, bool]] = []
        with self._cond:
            device = self._devices.get(message.address)
            if device is None:
                pass
            elif reply is not None:
                was_offline = device.online is False
                if device.answered(now, self.timing):
                    news.append((device.address, True))
                if was_offline:  # back: show again what it should show
                    for key, last in self._state.items():
                        if key[0] == device.address:
                            self._queue.setdefault(key, last)
            elif device.missed(now, self.timing):
                news.append((device.address, False))
                self._drop_queued(device.address)
            elif message.command is not Command.POLL:
                key = (message.address, message.command)
                if self._state.get(key) is message:
                    self._queue.setdefault(key, message)  # one more try
        if reply is not None and reply.command is not Command.ACK and self._on_message:
            try:
                self._on_message(reply)
            except Exception:
                log.exception("bus %s: on_message failed for %s", self.name, reply)
        self._report(news)

    def _drop_queued(self, address: int) -> None:
        for key in [k for k in self._queue if k[0] == address]:
            del self._queue[key]

    def _report(self, news: list[tuple[int, bool]]) -> None:
        for address, online in news:
            log.info("bus %s: device %d %s", self.name, address, "online" if online else "offline")
            if self._on_status:
                try:
                    self._on_status(address, online)
                except Exception:
                    log.exception("bus %s: on_device_status failed", self.name)

    def _open(self) -> bool:
        try:
            self._port = self._opener(self.url, baudrate=self.baudrate,
                                      timeout=min(0.01, self.timing.timeout_ms / 1000))
        except (serial.SerialException, OSError, ValueError) as e:
            if not self._port_failed_logged:
                log.warning("bus %s: cannot open %s: %s", self.name, self.url, e)
                self._port_failed_logged = True
            return False
        self._port_failed_logged = False
        self._decoder.reset()
        log.info("bus %s: port %s open", self.name, self.url)
        if self._on_port:
            self._on_port(True)
        return True

    def _lost(self, error: Exception) -> None:
        log.warning("bus %s: port %s lost: %s", self.name, self.url, error)
        self._close()
        with self._cond:
            news = [(d.address, False) for d in self._devices.values() if d.lost()]
            self._queue.clear()
        if self._on_port:
            self._on_port(False)
        self._report(news)

    def _close(self) -> None:
        port, self._port = self._port, None
        if port is None:
            return
        sock = getattr(port, "_socket", None)  # socket:// skips close() when shutdown() fails
        try:
            port.close()
        except (serial.SerialException, OSError) as e:
            log.debug("bus %s: closing: %s", self.name, e)
        if sock is not None:
            sock.close()
