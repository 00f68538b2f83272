"""The services with live queue facts: ``GET /api/services`` when the kiosk comes online, every
so often and shortly after tickets change; waiting counts from the shared snapshot at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallq.client.connection import HallClient, Reply
from hallq.kiosk.catalog import Service, with_counts

SETTLE_MS = 400  # after a ticket event, read the estimates again once things are quiet


class ServiceFeed(QObject):
    changed = Signal(list)  # list[Service]

    def __init__(self, client: HallClient, refresh_seconds: float = 30,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.read: list[Service] = []  # as last read from the server
        self.services: list[Service] = []  # with the snapshot's live counts
        self.timer = QTimer(self, interval=int(refresh_seconds * 1000))
        self.timer.timeout.connect(self.fetch)
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self.fetch)
        client.onlineChanged.connect(self._online)
        client.snapshotChanged.connect(lambda _: self._merge())
        client.eventReceived.connect(self._event)
        client.configChanged.connect(lambda _event: self.fetch())  # services added, renamed …

    def start(self) -> None:
        self.timer.start()
        self.fetch()

    def find(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)

    def fetch(self) -> None:
        self.client.get("/api/services", self._on_services)

    def _online(self, online: bool) -> None:
        if online:
            self.fetch()

    def _event(self, event: dict[str, Any]) -> None:
        self._merge()
        if str(event.get("type", "")).startswith("ticket."):
            self.settle.start()

    def _on_services(self, reply: Reply) -> None:
        if reply.ok and isinstance(reply.data, list):
            self.read = [Service.from_json(item) for item in reply.data]
            self._merge(fresh=True)

    def _merge(self, fresh: bool = False) -> None:
        if not self.read:
            return
        waiting = self.client.snapshot.get("waiting")
        if fresh or not isinstance(waiting, dict):
            self.services = list(self.read)
        else:
            self.services = with_counts(self.read, waiting)
        self.changed.emit(self.services)
