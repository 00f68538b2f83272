"""The rating pad's settings from the hall config: ``[rating]`` and ``[policy]`` (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class PadSettings:
    timeout_s: float = 30.0  # no rating within this: back, and the ticket stays unrated
    thanks_s: float = 4.0  # how long the thanks stays up
    photos: Path | None = None  # folder of clerks' photos, <clerk id>.png / .jpg
    reasons: tuple[str, ...] = ()  # until the server's list is read (GET /api/ratings/options)

    def photo_of(self, clerk_id: str, photo: str = "") -> Path | None:
        """The clerk's photo file, if there is one: the configured name, else <id>.png/.jpg."""
        if self.photos is None or not clerk_id:
            return None
        names = ([photo] if photo else []) + [clerk_id + s for s in IMAGE_SUFFIXES]
        for name in names:
            path = self.photos / Path(name).name  # never outside the folder
            if path.is_file():
                return path
        return None


def _seconds(section: dict[str, Any], key: str, default: float) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 600:
        raise SystemExit(f"hallq rate: [rating] {key}: a number of seconds from 1 to 600")
    return float(value)


def parse_settings(rating: dict[str, Any], policy: dict[str, Any],
                   config_dir: Path) -> PadSettings:
    """``photos`` may be relative to the config file's folder."""
    photos = rating.get("photos", "")
    if not isinstance(photos, str):
        raise SystemExit("hallq rate: [rating] photos: a folder name in quotes")
    reasons = policy.get("bad_rating_reasons", [])
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        raise SystemExit("hallq rate: [policy] bad_rating_reasons: a list of texts")
    folder = (config_dir / photos) if photos else None
    return PadSettings(timeout_s=_seconds(rating, "timeout_seconds", 30),
                       thanks_s=_seconds(rating, "thanks_seconds", 4),
                       photos=folder, reasons=tuple(reasons))
