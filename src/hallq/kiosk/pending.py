"""Tickets the kiosk issued but could not print, whose cancel the server has not answered yet.

Kept in a small file until the server answers, so a kiosk that is switched off or crashes while
the server is away still cancels them when it starts again: nobody must be called for a number
that was never handed out. No Qt here."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from hallq.common.paths import data_dir

log = logging.getLogger(__name__)


def default_path() -> Path:
    """In the data folder (``$HALLQ_DATA``, else the user's data folder), beside the logs."""
    return data_dir() / "kiosk-pending-cancels.json"


class PendingCancels:
    """A set of ticket ids on disk (``path``), or in memory only (``None``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.ids: set[int] = self._read()

    def add(self, ticket_id: int) -> None:
        self.ids.add(ticket_id)
        self._write()

    def done(self, ticket_id: int) -> None:
        if ticket_id in self.ids:
            self.ids.discard(ticket_id)
            self._write()

    def _read(self) -> set[int]:
        if self.path is None or not self.path.exists():
            return set()
        try:
            return {int(i) for i in json.loads(self.path.read_text(encoding="utf-8"))}
        except (OSError, ValueError, TypeError) as exc:
            log.warning("kiosk: %s: cannot read the tickets still to cancel (%s)", self.path, exc)
            return set()

    def _write(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(sorted(self.ids), handle)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self.path)
        except OSError as exc:  # the cancel is still sent; only a restart would forget it
            log.warning("kiosk: %s: cannot keep the tickets still to cancel (%s)", self.path, exc)
