"""A thing's name in the chosen language: its English name in English where it has one, else
its Chinese name. The one place every app (kiosk, pads, displays) picks a name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def pick_name(name: str, name_en: str | None, language: str) -> str:
    return name_en if language == "en" and name_en else name


def local_name(thing: Mapping[str, Any], language: str) -> str:
    """For the server's JSON (a hall, service or window); the id or code when it has no name."""
    fallback = thing.get("name") or thing.get("id") or thing.get("code") or ""
    return str(pick_name(str(fallback), thing.get("name_en"), language))
