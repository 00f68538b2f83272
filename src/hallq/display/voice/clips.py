"""Where clips come from: the shipped set, overridden clip by clip by a hall's own folders. No Qt.

A hall's folders are searched in order before the shipped set: its own recordings, then the clips
``hallq voice build`` rendered for its window and service names (see ``names``). All clips share
one format (``FORMAT``: mono, 16-bit, 22050 Hz). The generator converts with sox; a hall's own
recordings must be converted the same way (see ``clips/README.md``). An override clip that cannot
be used is reported once and the next folder's (or the shipped) clip is used instead.
"""

from __future__ import annotations

import logging
import sys
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parent / "clips"


@dataclass(frozen=True)
class WavFormat:
    channels: int = 1
    sample_width: int = 2
    rate: int = 22050

    def __str__(self) -> str:
        bits = 8 * self.sample_width
        return f"{'mono' if self.channels == 1 else self.channels} {bits}-bit {self.rate} Hz"


FORMAT = WavFormat()


class ClipError(ValueError):
    """A clip that is missing or not in ``FORMAT``; the message names the file."""


def read_clip(path: Path, fmt: WavFormat = FORMAT) -> array[int]:
    """Samples of one WAV clip, checked against ``fmt``."""
    try:
        with wave.open(str(path), "rb") as w:
            got = WavFormat(w.getnchannels(), w.getsampwidth(), w.getframerate())
            data = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise ClipError(f"clip {path}: cannot read it as WAV ({exc})") from exc
    if got != fmt:
        raise ClipError(
            f"clip {path}: is {got}, needs {fmt}; convert it with "
            f"`sox in.wav -c {fmt.channels} -b {8 * fmt.sample_width} -r {fmt.rate} out.wav`"
        )
    samples = array("h", data)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


class ClipSet:
    """Clips by name (``zh_qing`` → ``zh_qing.wav``), loaded once and kept in memory.

    ``override_dir`` and then ``folders`` (a hall's own recordings, its built name clips) win
    clip by clip, in that order, over ``shipped_dir``.
    """

    def __init__(self, override_dir: Path | None = None, shipped_dir: Path = SHIPPED_DIR,
                 fmt: WavFormat = FORMAT, folders: Sequence[Path] = ()) -> None:
        self.override_dir = override_dir
        self.overrides = [f for f in (override_dir, *folders) if f is not None]
        self.shipped_dir = shipped_dir
        self.format = fmt
        self._cache: dict[str, array[int]] = {}
        self.problems: list[str] = []  # unusable override clips, each reported once

    def path(self, name: str) -> Path | None:
        """The file a clip would come from, or None when no folder has it."""
        for folder in (*self.overrides, self.shipped_dir):
            if (folder / f"{name}.wav").is_file():
                return folder / f"{name}.wav"
        return None

    def has(self, name: str) -> bool:
        return self.path(name) is not None

    def samples(self, name: str) -> array[int]:
        """The clip's samples; raise ClipError when no usable clip of that name exists."""
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        samples = self._load(name)
        self._cache[name] = samples
        return samples

    def _load(self, name: str) -> array[int]:
        for folder in self.overrides:
            own = folder / f"{name}.wav"
            if own.is_file():
                try:
                    return read_clip(own, self.format)
                except ClipError as exc:
                    self.problems.append(str(exc))
                    log.warning("%s; using the next folder's or the shipped clip instead", exc)
        shipped = self.shipped_dir / f"{name}.wav"
        if not shipped.is_file():
            raise ClipError(f"clip {name}.wav: not found in {self._folders()}")
        return read_clip(shipped, self.format)

    def _folders(self) -> str:
        return " or ".join(str(f) for f in (*self.overrides, self.shipped_dir))
