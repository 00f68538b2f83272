"""Simulated devices of a hall on one simulated line, and the bus config that reaches them.

Per window: an LED screen (address n), a keypad (100 + n) and a rating device (150 + n), n
counting windows from 1; one hall strip (200). The line is a pty (``PtyLine``), or a TCP port on
127.0.0.1 where there are no ptys (Windows) or when a fixed ``tcp_port`` is asked for (then a
bus config written once, like ``config/bus-demo.toml``, keeps working).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hallq.hardware.bus.codec import Codec
from hallq.hardware.bus.framing import load_codec
from hallq.hardware.bus.sim_devices import (
    SimDevice,
    SimHallStrip,
    SimKeypad,
    SimLedScreen,
    SimRatingDevice,
)
from hallq.hardware.bus.sim_line import PtyLine, SimLine, TcpLine

KEYPAD_BASE, RATING_BASE, STRIP_ADDRESS = 100, 150, 200
MAX_WINDOWS = 40
STRIP_WIDTH = 96  # half-width columns: three calls of a long window name
# quick enough for a demo on a pty; a real 9600-baud line wants the defaults of bus.toml
TIMING = {"gap_ms": 5, "timeout_ms": 100, "poll_ms": 20, "health_ms": 1000,
          "backoff_min_ms": 200, "backoff_max_ms": 2000, "reopen_ms": 500}


@dataclass(frozen=True)
class SimWindow:
    id: str
    led: SimLedScreen
    keypad: SimKeypad
    rating: SimRatingDevice


class FixedTcpLine(TcpLine):
    """A :class:`TcpLine` on a port chosen in advance."""

    def __init__(self, codec: Codec, devices: Iterable[SimDevice], port: int) -> None:
        self._fixed = port
        super().__init__(codec, devices)

    def _open(self) -> None:
        self._port = self._port or self._fixed
        super()._open()


class SimHall:
    def __init__(self, windows: Sequence[str], codec: str = "hallq",
                 line_kind: type[SimLine] | None = None, tcp_port: int | None = None) -> None:
        if not windows or len(windows) > MAX_WINDOWS:
            raise ValueError(f"windows: 1 to {MAX_WINDOWS} window ids, not {len(windows)}")
        if len(set(windows)) != len(windows):
            raise ValueError("windows: each window once")
        self.codec = codec
        table = load_codec(codec)
        enc = table.text_encoding
        self.windows = [SimWindow(w, SimLedScreen(n, encoding=enc),
                                  SimKeypad(KEYPAD_BASE + n, encoding=enc),
                                  SimRatingDevice(RATING_BASE + n, encoding=enc))
                        for n, w in enumerate(windows, start=1)]
        self.strip = SimHallStrip(STRIP_ADDRESS, encoding=enc)
        devices: list[SimDevice] = [self.strip]
        for w in self.windows:
            devices += [w.led, w.keypad, w.rating]
        if tcp_port:
            self.line: SimLine = FixedTcpLine(table, devices, tcp_port)
        else:
            self.line = (line_kind or (TcpLine if os.name == "nt" else PtyLine))(table, devices)

    def window(self, window_id: str) -> SimWindow:
        return next(w for w in self.windows if w.id == window_id)

    def bus_config(self) -> str:
        """A bus config (TOML) for ``hallq bridge --bus`` that drives these devices."""
        q = json.dumps  # a JSON string is a TOML basic string
        lines = ["# written by `hallq bus-sim`: simulated devices, valid while it runs", "",
                 "[bridge]", "strip_calls = 3",
                 'pause_reason = "临时离开"  # sent with the pause key: one of the hall\'s', "",
                 "[[ports]]", 'name = "sim"',
                 f"url = {q(self.line.url)}", f"codec = {q(self.codec)}",
                 *(f"{k} = {v}" for k, v in TIMING.items()), ""]

        def device(kind: str, address: int, window: str | None, width: int | None = None
                   ) -> None:
            lines.extend(["[[devices]]", f"kind = {q(kind)}", f"address = {address}"])
            if window is not None:
                lines.append(f"window = {q(window)}")
            if width is not None:
                lines.append(f"width = {width}")
            lines.append("")

        device("strip", STRIP_ADDRESS, None, STRIP_WIDTH)
        for w in self.windows:
            device("led", w.led.address, w.id)
            device("keypad", w.keypad.address, w.id)
            device("rating", w.rating.address, w.id)
        return "\n".join(lines)

    def write_bus_config(self, path: str | Path) -> None:
        Path(path).write_text(self.bus_config(), encoding="utf-8")

    def close(self) -> None:
        self.line.close()
