"""What travels on the bus: one addressed command with a byte payload, codec-independent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Command(StrEnum):
    """The meaning of a frame. Each codec table maps these names to its own command codes."""

    SHOW_TEXT = "show_text"  # master → LED / keypad screen: payload is text in the codec's encoding
    SET_BRIGHTNESS = "set_brightness"  # master → LED: one byte, 0 (off) .. 15 (brightest)
    SCROLL_TEXT = "scroll_text"  # master → hall strip: text to scroll
    POLL = "poll"  # master → any device: "anything for me?"; also the liveness probe
    KEY_EVENT = "key_event"  # keypad → master: one byte, the key code
    RATING_EVENT = "rating_event"  # rating device → master: one byte, the score 1..5
    ACK = "ack"  # device → master: done / nothing to report
    NAK = "nak"  # device → master: frame understood but refused (one byte reason, optional)


@dataclass(frozen=True)
class Message:
    """One frame's content. ``address`` is the device's bus address in requests and replies."""

    address: int
    command: Command
    payload: bytes = b""
