"""Device drivers, one per kind. Each turns intent into :class:`Message` s and replies into
actions; sending is the bus's job (``bus.send(screen.show_number("A001"))``), so drivers are pure.

Text is encoded in the codec's ``text_encoding`` (GBK by default); characters it cannot carry
become ``?``, and text longer than the device's width (in half-width columns, i.e. GBK bytes:
a Chinese character takes two) is cut without splitting a character.
"""

from __future__ import annotations

from collections.abc import Mapping

from hallq.hardware.bus.message import Command, Message

ACTIONS = ("next", "recall", "skip", "finish", "pause", "resume")
DEFAULT_KEYMAP: Mapping[int, str] = {1: "next", 2: "recall", 3: "skip", 4: "finish",
                                     5: "pause", 6: "resume"}
PAUSED_TEXT = "暂停服务"


def fit_text(text: str, width: int, encoding: str = "gbk") -> bytes:
    """``text`` encoded, cut to at most ``width`` bytes on a character boundary."""
    out = b""
    for char in text:
        encoded = char.encode(encoding, errors="replace")
        if len(out) + len(encoded) > width:
            break
        out += encoded
    return out


class _Device:
    kind = "device"

    def __init__(self, address: int, *, width: int = 8, encoding: str = "gbk") -> None:
        self.address = address
        self.width = width
        self.encoding = encoding

    def _text(self, command: Command, text: str) -> Message:
        return Message(self.address, command, fit_text(text, self.width, self.encoding))

    def poll(self) -> Message:
        return Message(self.address, Command.POLL)


class LedWindowScreen(_Device):
    """The LED above a window: the current number, 暂停服务, or nothing."""

    kind = "led"

    def show_number(self, number: str) -> Message:
        return self._text(Command.SHOW_TEXT, number)

    def show_paused(self) -> Message:
        return self._text(Command.SHOW_TEXT, PAUSED_TEXT)

    def show_text(self, text: str) -> Message:
        return self._text(Command.SHOW_TEXT, text)

    def blank(self) -> Message:
        return Message(self.address, Command.SHOW_TEXT, b"")

    def set_brightness(self, level: int) -> Message:
        if not 0 <= level <= 15:
            raise ValueError(f"brightness: 0..15, not {level}")
        return Message(self.address, Command.SET_BRIGHTNESS, bytes((level,)))


class HallStrip(_Device):
    """The hall's long LED strip, scrolling the latest calls."""

    kind = "strip"

    def __init__(self, address: int, *, width: int = 64, encoding: str = "gbk") -> None:
        super().__init__(address, width=width, encoding=encoding)

    def scroll(self, text: str) -> Message:
        return self._text(Command.SCROLL_TEXT, text)


class CallerKeypad(_Device):
    """A clerk's physical caller: keys become window actions; its small screen shows the queue."""

    kind = "keypad"

    def __init__(self, address: int, *, keymap: Mapping[int, str] = DEFAULT_KEYMAP,
                 width: int = 8, encoding: str = "gbk") -> None:
        super().__init__(address, width=width, encoding=encoding)
        unknown = sorted(set(keymap.values()) - set(ACTIONS))
        if unknown:
            raise ValueError(f"keymap: unknown actions {unknown}; known: {', '.join(ACTIONS)}")
        self.keymap = dict(keymap)

    def show_waiting(self, count: int) -> Message:
        return self._text(Command.SHOW_TEXT, f"等待{count}")

    def action(self, reply: Message) -> str | None:
        """The action a key event asks for, or None (ack, unknown key, other frame)."""
        if reply.command is Command.KEY_EVENT and len(reply.payload) == 1:
            return self.keymap.get(reply.payload[0])
        return None


class RatingDevice(_Device):
    """A rating device at a window: key 1..5 is the citizen's score."""

    kind = "rating"

    def score(self, reply: Message) -> int | None:
        """The score 1..5 of a rating (or plain key) event, or None."""
        if reply.command in (Command.RATING_EVENT, Command.KEY_EVENT) and len(reply.payload) == 1:
            value = reply.payload[0]
            return value if 1 <= value <= 5 else None
        return None


DRIVERS: dict[str, type[_Device]] = {
    cls.kind: cls for cls in (LedWindowScreen, HallStrip, CallerKeypad, RatingDevice)
}
