"""The example hall's name clips, rendered once per test run with the real espeak-ng, and the
measures a listener would take of an announcement: its levels and its silences."""

from __future__ import annotations

import atexit
import functools
import io
import shutil
import tempfile
import wave
from array import array
from pathlib import Path

from hallq.common.paths import example
from hallq.display.voice.build import build
from hallq.display.voice.names import HallNames, hall_names

FRAME_MS = 10
SILENT = 300  # a 10 ms frame whose loudest sample stays under this (about -40 dBFS) is silent


@functools.cache
def example_names() -> HallNames:
    return hall_names(example())


@functools.cache
def example_built() -> Path:
    """A folder holding ``hallq voice build``'s clips of the example hall (espeak-ng)."""
    folder = Path(tempfile.mkdtemp(prefix="hallq-built-clips-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    build(example_names().to_render(), folder)
    return folder


def samples_of(wav: bytes) -> array[int]:
    with wave.open(io.BytesIO(wav), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        return array("h", w.readframes(w.getnframes()))


def frame_peaks(samples: array[int], rate: int = 22050) -> list[int]:
    step = rate * FRAME_MS // 1000
    return [max(map(abs, samples[i:i + step]), default=0) for i in range(0, len(samples), step)]


def longest_silence_ms(samples: array[int], start_s: float = 0.0) -> int:
    """The longest run of silent frames from ``start_s`` on, in milliseconds."""
    peaks = frame_peaks(samples)[int(start_s * 1000) // FRAME_MS:]
    longest = run = 0
    for peak in peaks:
        run = run + 1 if peak < SILENT else 0
        longest = max(longest, run)
    return longest * FRAME_MS


def contains(outer: array[int], inner: array[int]) -> bool:
    """Whether ``inner``'s samples occur, unchanged and in one piece, in ``outer``."""
    return inner.tobytes() in outer.tobytes()
