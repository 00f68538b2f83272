"""One window's shift as the pad sees it: the window's state, kept from the shared client's
snapshot and events and from the answers to the clerk's commands. No widgets here."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallq.client.connection import HallClient, Reply
from hallq.client.i18n import Texts, error_text
from hallq.client.names import local_name
from hallq.client.snapshot import window_of

TODAY_REFRESH_MS = 60_000
# events after which today's figures or the missed list may have changed
FIGURES_EVENTS = ("ticket.finished", "ticket.missed", "ticket.rated", "window.resumed",
                  "window.closed")
MISSED_EVENTS = ("ticket.missed", "ticket.restored", "ticket.called", "ticket.cancelled")
AWAIT_S = 2.0  # how long a command's answer outranks events that do not yet mention its ticket


class PadSession(QObject):
    changed = Signal()  # the window, its current ticket or the waiting counts
    todayChanged = Signal(dict)
    missedChanged = Signal(list)
    servicesChanged = Signal(list)
    said = Signal(str, str)  # kind ("info" or "error"), text
    skipUndoable = Signal(str)  # the number a no-show undo would call back; "" none

    def __init__(self, client: HallClient, window_id: str, texts: Texts,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client, self.window_id, self.t = client, window_id, texts
        self.window: dict[str, Any] | None = None
        self.services: list[dict[str, Any]] = []
        self.missed: list[dict[str, Any]] = []
        self.busy = False
        self._awaiting: tuple[int, float] | None = None  # (ticket id, since) of our last answer
        self.skew = timedelta(0)  # the server's clock minus ours, for the "已办理" timer
        client.snapshotChanged.connect(self._on_snapshot)
        client.eventReceived.connect(self._on_event)
        client.onlineChanged.connect(lambda _online: self.changed.emit())
        client.configChanged.connect(
            lambda _event: self.client.get("/api/services", self._got_services))
        self._today_timer = QTimer(self, interval=TODAY_REFRESH_MS)
        self._today_timer.timeout.connect(self.refresh_today)

    # ---- what the pad knows ------------------------------------------------------------
    @property
    def status(self) -> str:
        return str((self.window or {}).get("status") or "closed")

    @property
    def logged_in(self) -> bool:
        return self.status != "closed"

    @property
    def current(self) -> dict[str, Any] | None:
        return (self.window or {}).get("current")

    def waiting(self) -> list[tuple[dict[str, Any], int]]:
        """(service, waiting count) for each service this window serves."""
        counts = self.client.snapshot.get("waiting", {})
        mine = (self.window or {}).get("services", [])
        return [(s, int(counts.get(s["code"], s.get("waiting", 0)))) for s in self.services
                if s["code"] in mine]

    def service_name(self, code: str) -> str:
        found = next((s for s in self.services if s["code"] == code), None)
        if found is None:
            return code
        return local_name(found, self.t.language)

    def now(self) -> datetime:
        """The server's time now, as near as we know it."""
        return datetime.now(UTC) + self.skew

    # ---- keeping it current ------------------------------------------------------------
    def start(self) -> None:
        self.client.start()
        self._today_timer.start()

    def _on_snapshot(self, snapshot: dict[str, Any]) -> None:
        was_in = self.logged_in
        self._awaiting = None  # a whole new state: the truth
        if snapshot.get("at"):
            self.skew = datetime.fromisoformat(snapshot["at"]) - datetime.now(UTC)
        self.window = window_of(snapshot, self.window_id)
        if not self.services:
            self.client.get("/api/services", self._got_services)
        self.changed.emit()
        if self.logged_in and not was_in:
            self.refresh_today()
            self.refresh_missed()

    def _on_event(self, event: dict[str, Any]) -> None:
        fresh = window_of(self.client.snapshot, self.window_id)
        if self._awaiting is not None and (
                (event.get("ticket") or {}).get("id") == self._awaiting[0]
                or time.monotonic() - self._awaiting[1] > AWAIT_S):
            self._awaiting = None  # the events have caught up with our last answer
        if fresh is not None and self.window is not None and self._awaiting is not None:
            # an event older than the answer we already have: keep the answer's ticket
            fresh = {**fresh, "current": self.window.get("current")}
        self.window = fresh
        self.changed.emit()
        kind, mine = event.get("type", ""), event.get("window") == self.window_id
        if mine and kind in FIGURES_EVENTS:
            self.refresh_today()
        if kind in MISSED_EVENTS and (mine or kind != "ticket.called"):
            self.refresh_missed()

    def _got_services(self, reply: Reply) -> None:
        if reply.ok and isinstance(reply.data, list):
            self.services = reply.data
            self.servicesChanged.emit(self.services)
            self.changed.emit()

    def refresh_today(self) -> None:
        if self.logged_in:
            self.client.get(f"/api/windows/{self.window_id}/today",
                            lambda r: self.todayChanged.emit(r.data) if r.ok else None)

    def refresh_missed(self) -> None:
        def got(reply: Reply) -> None:
            if reply.ok and isinstance(reply.data, list):
                self.missed = reply.data
                self.missedChanged.emit(self.missed)
        if self.logged_in:
            self.client.get(f"/api/windows/{self.window_id}/missed", got)

    # ---- commands ----------------------------------------------------------------------
    def command(self, action: str, body: dict[str, Any] | None = None,
                then: Callable[[Any], None] | None = None, path: str | None = None) -> None:
        """POST to this window's ``action`` (or ``path``); errors are said plainly."""
        def done(reply: Reply) -> None:
            self.busy = False
            if not reply.ok:
                self.say_error(reply)
            elif then is not None:
                then(reply.data)
            self.changed.emit()
        self.busy = True
        self.client.post(path or f"/api/windows/{self.window_id}/{action}", body, done)

    def say_error(self, reply: Reply) -> None:
        own = f"error_{reply.code}"
        data = reply.data if isinstance(reply.data, dict) else {}
        minutes = -(-int(data.get("retry_after_s") or 0) // 60)  # a lock's time, rounded up
        fallback = (self.t(own, minutes=max(1, minutes)) if own in self.t.tables["zh"]
                    else reply.message)
        self.said.emit("error", error_text(reply.code, self.t.language, fallback))

    def set_window(self, window: dict[str, Any]) -> None:
        self.window = window
        self.changed.emit()

    def set_current(self, ticket: dict[str, Any] | None, about: int | None = None) -> None:
        """The window's ticket after a command about ticket ``about`` was answered."""
        self._awaiting = (about, time.monotonic()) if about is not None else None
        if self.window is not None:
            self.window = {**self.window, "current": ticket,
                           "status": "open" if ticket else self.window.get("status")}
        self.changed.emit()
