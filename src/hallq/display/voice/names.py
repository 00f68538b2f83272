"""The hall's own names as clips: which names need one, what the clip file is called, and the
folders a hall keeps them in. No Qt.

A window named with a number or a code (``3号窗口``, ``A3``) is read from the shipped word clips;
any other window name (``帮办代办窗口``) and every service name (``企业开办``) is a clip of its
own, named after the text itself: ``帮办代办窗口.wav``. They live in the data folder:

- ``<data>/voice/own/``: the hall's own recordings (also of any shipped word, e.g. ``zh_qing``),
  which win over everything else;
- ``<data>/voice/built/``: what ``hallq voice build`` rendered with espeak-ng;
- then the clips shipped inside hallq.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from hallq.common.paths import data_dir
from hallq.display.voice.clips import ClipSet
from hallq.display.voice.reading import ReadingError, read_window

_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')


def name_clip(text: str) -> str:
    """The clip (file stem) of a name: the text itself, with characters no file name may hold
    (``/ \\ : * ? " < > |``) replaced by ``_``."""
    return _UNSAFE.sub("_", text.strip())


def needs_clip(window_name: str) -> bool:
    """True for a window name that is neither a number nor a code the word clips can read."""
    try:
        return read_window(window_name).text is not None
    except ReadingError:
        return False


def voice_dir() -> Path:
    return data_dir() / "voice"


def own_dir() -> Path:
    """The hall's own recordings: they win over built and shipped clips."""
    return voice_dir() / "own"


def built_dir() -> Path:
    """Where ``hallq voice build`` writes by default."""
    return voice_dir() / "built"


def hall_clips(extra: Path | None = None, built: Path | None = None) -> ClipSet:
    """The clips a display uses: ``extra`` (``--clips``), the hall's own recordings, the built
    name clips (``built``, default ``built_dir()``), then the shipped set."""
    return ClipSet(override_dir=extra, folders=[own_dir(), built or built_dir()])


@dataclass(frozen=True)
class HallNames:
    windows: tuple[tuple[str, str], ...]  # (id, name)
    services: tuple[tuple[str, str], ...]  # (code, name)

    def to_render(self) -> list[str]:
        """The names that need a clip of their own, each once, in the config's order."""
        names = [n for _, n in self.windows if needs_clip(n)] + [n for _, n in self.services]
        return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def hall_names(config: Path) -> HallNames:
    """The window and service names of a hall config (TOML). Raises ValueError naming the file."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{config}: cannot read it ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{config}: not valid TOML: {exc}") from None

    def pairs(kind: str, key: str) -> tuple[tuple[str, str], ...]:
        items = data.get(kind, [])
        return tuple((str(i.get(key, "")), str(i.get("name", ""))) for i in items
                     if isinstance(i, dict)) if isinstance(items, list) else ()

    return HallNames(pairs("windows", "id"), pairs("services", "code"))
