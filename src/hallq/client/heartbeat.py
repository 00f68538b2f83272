"""Every app's heartbeat: the one place that tells the server this app is alive (and, for a
kiosk, how its ticket printer is). Sent at start, whenever what it reports changes, and then
as often as the server's answer asks (``next_in_s``); a missed answer is simply tried again."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer

DEFAULT_S = 30  # until the server says otherwise
RETRY_S = 5  # the server did not answer: try again soon


class Answer(Protocol):
    """What the client's ``post`` hands its callback (``connection.Reply``)."""

    @property
    def ok(self) -> bool: ...

    @property
    def data(self) -> Any: ...


class Client(Protocol):
    """The shared client, as far as the heartbeat uses it (``connection.HallClient``)."""

    def post(self, path: str, body: dict[str, Any] | None = None,
             done: Callable[[Any], None] | None = None) -> None: ...


def this_host() -> str:
    """The computer's name as the server's heartbeat accepts it (letters, digits, . - _)."""
    return re.sub(r"[^\w.\-]", "-", socket.gethostname())[:60]


class Heartbeat(QObject):
    def __init__(self, client: Client, app: str, window: str | None = None,
                 host: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client, self.app, self.window = client, app, window
        self.host = this_host() if host is None else host
        self.printer: str | None = None
        self.every_s = DEFAULT_S
        self.sent = 0  # how many were answered (for tests and logs)
        self.running = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.send)

    def start(self) -> None:
        self.running = True
        self.send()

    def stop(self) -> None:
        self.running = False
        self._timer.stop()

    def set_printer(self, state: str | None) -> None:
        """A kiosk's printer changed (``ok``, ``paper_out``, ``offline`` …): say so now."""
        if state != self.printer:
            self.printer = state
            if self.running:
                self.send()

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"app": self.app, "host": self.host}
        if self.window is not None:
            body["window"] = self.window
        if self.printer is not None:
            body["printer"] = self.printer
        return body

    def send(self) -> None:
        self._timer.stop()
        self.client.post("/api/devices/heartbeat", self.body(), self._answered)

    def _answered(self, reply: Answer) -> None:
        if not self.running:
            return
        if reply.ok and isinstance(reply.data, dict):
            self.sent += 1
            self.every_s = max(1, int(reply.data.get("next_in_s") or DEFAULT_S))
            self._timer.start(self.every_s * 1000)
        else:
            self._timer.start(min(RETRY_S, self.every_s) * 1000)
