"""The chime before each announcement: a two-tone ding-dong of decaying sines. No Qt."""

from __future__ import annotations

import math
from array import array

from hallq.display.voice.clips import FORMAT, WavFormat

DING_HZ = 659.25  # E5
DONG_HZ = 523.25  # C5
PARTIALS = ((1.0, 1.0, 1.0), (2.0, 0.35, 1.8), (3.0, 0.12, 2.6))  # (ratio, level, decay x)


def _note(freq: float, start_s: float, length_s: float, rate: int, out: list[float]) -> None:
    first = int(start_s * rate)
    attack = int(0.015 * rate)
    for i in range(int(length_s * rate)):
        t = i / rate
        envelope = min(1.0, i / attack) if attack else 1.0
        value = sum(
            level * math.exp(-t * decay / 0.45) * math.sin(2 * math.pi * freq * ratio * t)
            for ratio, level, decay in PARTIALS
        )
        if first + i < len(out):
            out[first + i] += envelope * value


def chime(fmt: WavFormat = FORMAT, peak: float = 0.5) -> array[int]:
    """About 1.5 s: "ding" (E5), then "dong" (C5) 0.45 s later, each ringing out."""
    rate = fmt.rate
    out = [0.0] * int(1.5 * rate)
    _note(DING_HZ, 0.0, 1.5, rate, out)
    _note(DONG_HZ, 0.45, 1.05, rate, out)
    fade = int(0.08 * rate)
    for i in range(fade):
        out[-1 - i] *= i / fade
    scale = peak * 32767 / max(abs(v) for v in out)
    return array("h", (round(v * scale) for v in out))
