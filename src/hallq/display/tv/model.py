"""What the display shows, computed from the server's snapshot (no Qt, no network)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hallq.client.names import local_name, window_pause_reason
from hallq.display.tv.options import Zone

Words = Callable[..., str]


@dataclass(frozen=True)
class TileView:
    """One window's tile: its name, the big text, the line under it, and a state for colour."""

    name: str
    big: str
    small: str
    state: str  # serving, idle, paused, closed


def tile_view(window: Mapping[str, Any], words: Words, language: str) -> TileView:
    name = local_name(window, language)
    status, current = window.get("status"), window.get("current")
    if status == "paused":
        return TileView(name, words("paused"), window_pause_reason(window, language), "paused")
    if current:  # a hall without logins calls from "closed" windows too
        return TileView(name, str(current["number"]), words("serving"), "serving")
    if status == "closed":
        return TileView(name, words("closed"), "", "closed")
    return TileView(name, words("idle_number"), words("idle"), "idle")


def call_key(call: Mapping[str, Any]) -> tuple[str, str, str]:
    return str(call.get("number")), str(call.get("window")), str(call.get("at"))


def merge_calls(mine: Iterable[Mapping[str, Any]], theirs: Iterable[Mapping[str, Any]],
                zone: Zone, windows: Mapping[str, Mapping[str, Any]], limit: int
                ) -> list[dict[str, Any]]:
    """The zone's latest calls, newest first: the server's list merged with those kept here
    (a zone's calls can fall off the server's short list of the whole hall's calls)."""
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for call in [*theirs, *mine]:
        window = windows.get(str(call.get("window")), {"id": call.get("window")})
        if zone.shows_window(window):
            seen.setdefault(call_key(call), dict(call))
    ordered = sorted(seen.values(), key=lambda c: str(c.get("at") or ""), reverse=True)
    return ordered[:limit]


def fold_recalls(calls: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Newest first, one line per ticket and window: a recall marks the line (``recalled``)
    instead of repeating it."""
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    for call in calls:
        key = (str(call.get("number")), str(call.get("window")))
        if key in kept:
            kept[key]["recalled"] = True
        else:
            kept[key] = {**call, "recalled": bool(call.get("recall"))}
    return list(kept.values())


def waiting_rows(snapshot: Mapping[str, Any], services: Mapping[str, Mapping[str, Any]],
                 zone: Zone, language: str) -> list[tuple[str, str, int]]:
    """(code, name, waiting) per shown service, in the hall's order of services."""
    waiting: Mapping[str, int] = snapshot.get("waiting") or {}
    codes = list(services)  # names known (GET /api/services): codes alone mean nothing
    shown = zone.shown_services(codes, snapshot.get("windows") or [])
    return [(c, local_name(services.get(c, {"code": c}), language), int(waiting.get(c, 0)))
            for c in shown]
