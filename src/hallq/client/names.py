"""Names in the chosen language out of the server's JSON, for every app (kiosk, pads, displays);
the rule itself is ``hallq.common.names.pick_name``, shared with the server's phone pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hallq.common.names import pick_name

__all__ = ["local_name", "pick_name", "reason_label", "window_pause_reason"]


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
