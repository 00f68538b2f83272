"""A thing's name in the chosen language: its English name in English where it has one, else
its Chinese name. The one rule the server's phone pages and every app (kiosk, pads, displays)
follow."""

from __future__ import annotations


def pick_name(name: str, name_en: str | None, language: str) -> str:
    return name_en if language == "en" and name_en else name
