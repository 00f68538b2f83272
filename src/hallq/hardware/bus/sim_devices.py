"""Simulated bus devices: they answer frames as the real ones would and record what they show.

Tests, the bench and the demo's on-screen views read ``text`` / ``scroll`` and wait on changes
with :meth:`SimDevice.wait_for`; they press keys with :meth:`SimKeypad.press` and
:meth:`SimRatingDevice.rate`, and make a device ``silent`` (powered, not answering) or
``unplug()`` it (not answering, and its screen forgets what it showed) and ``plug()`` it back.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from hallq.hardware.bus.message import Command, Message


class SimDevice:
    kind = "device"

    def __init__(self, address: int, *, encoding: str = "gbk") -> None:
        self.address = address
        self.encoding = encoding
        self.text = ""  # what the screen shows now
        self.scroll = ""  # what a strip scrolls now
        self.brightness = 15
        self.shown: list[str] = []  # every text shown, in order
        self.frames = 0  # frames addressed to this device while it answered
        self.silent = False
        self.plugged = True
        self._events: deque[Message] = deque()
        self._changed = threading.Condition()

    def handle(self, message: Message) -> Message | None:
        """The reply to a frame addressed to this device, or None when it does not answer."""
        with self._changed:
            if self.silent or not self.plugged:
                return None
            self.frames += 1
            reply = Message(self.address, Command.ACK)
            if message.command is Command.SHOW_TEXT:
                self.text = message.payload.decode(self.encoding, errors="replace")
                self.shown.append(self.text)
            elif message.command is Command.SCROLL_TEXT:
                self.scroll = message.payload.decode(self.encoding, errors="replace")
                self.shown.append(self.scroll)
            elif message.command is Command.SET_BRIGHTNESS and len(message.payload) == 1:
                self.brightness = message.payload[0]
            elif message.command is Command.POLL:
                if self._events:
                    reply = self._events.popleft()
            else:
                reply = Message(self.address, Command.NAK, b"\x01")
            self._changed.notify_all()
            return reply

    def _queue_event(self, command: Command, value: int) -> None:
        with self._changed:
            self._events.append(Message(self.address, command, bytes((value,))))

    def pending_events(self) -> int:
        with self._changed:
            return len(self._events)

    def unplug(self) -> None:
        with self._changed:
            self.plugged, self.text, self.scroll = False, "", ""
            self._events.clear()

    def plug(self) -> None:
        with self._changed:
            self.plugged = True

    def wait_for(self, predicate: Callable[[SimDevice], bool], timeout: float = 2.0) -> bool:
        """Wait (at most ``timeout`` seconds) until ``predicate(self)`` holds."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout)


class SimLedScreen(SimDevice):
    kind = "led"


class SimHallStrip(SimDevice):
    kind = "strip"


class SimKeypad(SimDevice):
    kind = "keypad"

    def press(self, key: int) -> None:
        """A clerk presses a key; the next poll reports it."""
        self._queue_event(Command.KEY_EVENT, key)


class SimRatingDevice(SimDevice):
    kind = "rating"

    def rate(self, score: int) -> None:
        """A citizen presses key ``score``; the next poll reports it."""
        self._queue_event(Command.RATING_EVENT, score)


SIM_DEVICES: dict[str, type[SimDevice]] = {
    cls.kind: cls for cls in (SimLedScreen, SimHallStrip, SimKeypad, SimRatingDevice)
}
