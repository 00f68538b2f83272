"""What one display shows and says: its zone of the hall and its settings. No Qt.

Read from the command line and the hall config's ``[display]`` section (the command line wins);
every error names the key.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hallq.display.voice.reading import ReadingError
from hallq.display.voice.script import VoiceSettings

KEYS = frozenset({"windows", "services", "notice", "voice", "repeat", "english_voice", "chime",
                  "say_service", "flash_seconds", "page_seconds", "recent_calls"})


@dataclass(frozen=True)
class Zone:
    """The windows and services one display is for; ``None`` means all of them."""

    windows: frozenset[str] | None = None
    services: frozenset[str] | None = None

    def shows_window(self, window: Mapping[str, Any]) -> bool:
        if self.windows is not None:
            return str(window.get("id")) in self.windows
        if self.services is not None:
            served = set(window.get("services") or [])
            return "*" in served or bool(served & self.services)
        return True

    def shown_services(self, codes: Iterable[str],
                       windows: Iterable[Mapping[str, Any]]) -> list[str]:
        """The services whose waiting counts this display shows, in the hall's order."""
        codes = list(codes)
        if self.services is not None:
            return [c for c in codes if c in self.services]
        if self.windows is None:
            return codes
        served: set[str] = set()
        for window in windows:
            if self.shows_window(window):
                served |= set(window.get("services") or [])
        return codes if "*" in served else [c for c in codes if c in served]


@dataclass(frozen=True)
class DisplayOptions:
    zone: Zone = field(default_factory=Zone)
    notice: str | None = None  # overrides the hall's notice when set
    voice: bool = True
    voice_settings: VoiceSettings = field(default_factory=VoiceSettings)
    flash_s: float = 6.0  # how long the newest call flashes
    page_s: float = 10.0  # how long one page of windows shows when they do not all fit
    recent: int = 5  # how many earlier calls are listed under the newest


def _ids(value: object, key: str) -> frozenset[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, list):
        items = [str(v).strip() for v in value]
    else:
        raise ValueError(f"{key}: a list of ids like [\"1\", \"2\"], not {value!r}")
    items = [v for v in items if v]
    if not items:
        raise ValueError(f"{key}: give at least one id, or leave it out for all")
    return frozenset(items)


def _number(section: Mapping[str, Any], key: str, default: float, low: float,
            high: float) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        if key == "repeat":
            raise ValueError(f"[display] repeat: how many times a call is said, 1 to 5, not "
                             f"{value!r}")
        raise ValueError(f"[display] {key}: a number from {low:g} to {high:g}, not {value!r}")
    return float(value)


def _flag(section: Mapping[str, Any], key: str, default: bool) -> bool:
    value = section.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"[display] {key}: true or false, not {value!r}")
    return value


def from_config(section: Mapping[str, Any], args: argparse.Namespace | None = None
                ) -> DisplayOptions:
    """Options from ``[display]`` and (winning) the command line. Raises ValueError."""
    unknown = sorted(set(section) - KEYS)
    if unknown:
        raise ValueError(f"[display] {unknown[0]}: unknown key; known: {', '.join(sorted(KEYS))}")
    windows = _ids(getattr(args, "windows", None), "--windows") \
        or _ids(section.get("windows"), "[display] windows")
    services = _ids(getattr(args, "services", None), "--services") \
        or _ids(section.get("services"), "[display] services")
    notice = section.get("notice")
    if notice is not None and not isinstance(notice, str):
        raise ValueError(f"[display] notice: text, not {notice!r}")
    voice, english, chime = (_flag(section, "voice", True), _flag(section, "english_voice", False),
                             _flag(section, "chime", True))
    try:
        settings = VoiceSettings(repeat=int(_number(section, "repeat", 1, 1, 5)),
                                 english=english or bool(getattr(args, "english_voice", False)),
                                 chime=chime, service=_flag(section, "say_service", False))
    except ReadingError as exc:
        raise ValueError(f"[display] {exc}") from None
    return DisplayOptions(
        zone=Zone(windows, services), notice=notice,
        voice=voice and not getattr(args, "no_voice", False), voice_settings=settings,
        flash_s=_number(section, "flash_seconds", 6, 0, 60),
        page_s=_number(section, "page_seconds", 10, 2, 600),
        recent=int(_number(section, "recent_calls", 5, 0, 12)))
