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


def reason_label(reason: str, hall: Mapping[str, Any], language: str) -> str:
    """A pause reason as shown: the hall's English one (``pause_reasons_en``, one for one with
    ``pause_reasons``) in English where the hall gives one, else the reason itself, which is
    what the server is sent and stores."""
    reasons, english = list(hall.get("pause_reasons") or []), list(hall.get("pause_reasons_en")
                                                                    or [])
    if language != "en" or reason not in reasons or len(english) != len(reasons):
        return reason
    return str(english[reasons.index(reason)]) or reason


def window_pause_reason(window: Mapping[str, Any], language: str) -> str:
    """A paused window's reason in the chosen language (``pause_reason_en`` in the state)."""
    return str(pick_name(str(window.get("pause_reason") or ""), window.get("pause_reason_en"),
                         language))
