"""Printer profiles: a printer model's abilities as data, loaded from ``profiles.toml`` by name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any, Literal

from hallq.hardware.printer.errors import ProfileError

PROFILES_FILE = Path(__file__).with_name("profiles.toml")
CHARSETS = ("ascii", "gb2312", "gbk", "gb18030")


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    description: str
    mode: Literal["text", "raster"]
    paper_width_dots: int
    chars_per_line: int
    char_height_dots: int
    chinese_font: bool
    font_charset: str
    replacement: str
    cut: bool
    partial_cut: bool
    cut_feed: int
    qr_native: bool
    raster_max_width: int
    raster_band_rows: int


def profile_from_table(name: str, table: dict[str, Any], source: str) -> PrinterProfile:
    """Build a profile from one TOML table; errors name ``source`` and the key."""
    values: dict[str, Any] = {"name": name}
    for f in fields(PrinterProfile):
        if f.name == "name":
            continue
        where = f"{source}: [{name}] {f.name}"
        if f.name not in table:
            raise ProfileError(f"{where}: missing")
        value: Any = table[f.name]
        kind: type = {"bool": bool, "int": int}.get(str(f.type), str)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ProfileError(f"{where}: must be a {kind.__name__}, got {value!r}")
        if kind is int and table[f.name] < 0:
            raise ProfileError(f"{where}: must not be negative, got {value}")
        values[f.name] = value
    unknown = sorted(set(table) - set(values))
    if unknown:
        raise ProfileError(f"{source}: [{name}] {unknown[0]}: unknown key")
    checks = [
        ("mode", values["mode"] in ("text", "raster"), '"text" or "raster"'),
        ("font_charset", values["font_charset"] in CHARSETS, " or ".join(CHARSETS)),
        ("replacement", len(values["replacement"]) == 1, "exactly one character"),
        ("chars_per_line", values["chars_per_line"] > 0, "positive"),
        ("paper_width_dots", values["paper_width_dots"] >= 8, "at least 8"),
        ("char_height_dots", values["char_height_dots"] > 0, "positive"),
        ("raster_band_rows", values["raster_band_rows"] > 0, "positive"),
    ]
    for key, good, expected in checks:
        if not good:
            raise ProfileError(f"{source}: [{name}] {key}: must be {expected}, got {values[key]!r}")
    return PrinterProfile(**values)


@cache
def _all_profiles(path: Path) -> dict[str, PrinterProfile]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {name: profile_from_table(name, table, str(path)) for name, table in data.items()}


def load_profile(name: str, path: Path = PROFILES_FILE) -> PrinterProfile:
    """The profile called ``name``; a clear error lists the known names."""
    profiles = _all_profiles(path)
    if name not in profiles:
        known = ", ".join(sorted(profiles))
        raise ProfileError(f"{path}: no printer profile {name!r}; known profiles: {known}")
    return profiles[name]


def profile_names(path: Path = PROFILES_FILE) -> list[str]:
    return sorted(_all_profiles(path))
