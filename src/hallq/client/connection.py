"""The one connection every app shares: HTTP calls and the live event stream, as Qt signals.

Never blocks the GUI thread (QNetworkAccessManager and QWebSocket), reconnects by itself with
a growing delay, and says when it is offline. Holds no queue state beyond the last snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtWebSockets import QWebSocket

from hallq.client.heartbeat import Heartbeat
from hallq.client.snapshot import apply_event
from hallq.contract import Event, Hello, StateSnapshot

TIMEOUT_MS = 5000
CONFIG_CHANGED = "config.changed"


@dataclass(frozen=True)
class Reply:
    """What the server answered; ``code`` is the server's stable error code, or "offline"."""

    status: int
    data: Any
    code: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


Done = Callable[[Reply], None]


class HallClient(QObject):
    onlineChanged = Signal(bool)
    snapshotChanged = Signal(dict)
    eventReceived = Signal(dict)
    configChanged = Signal(dict)  # the hall's configuration changed: read what you show again

    def __init__(self, server: str, token: str, parent: QObject | None = None,
                 retry_ms: tuple[int, int] = (500, 8000), app: str = "",
                 window: str | None = None) -> None:
        """``app`` (kiosk, display, caller, rating, bridge) turns on the heartbeat that tells
        the server this app is alive; ``window`` is a pad's window."""
        super().__init__(parent)
        self.server, self.token = server.rstrip("/"), token
        self.online = False
        self.snapshot: dict[str, Any] = {}
        self._retry_min, self._retry_max = retry_ms
        self._retry = self._retry_min
        self._stopped = True
        self._pending: set[QNetworkReply] = set()
        self._net = QNetworkAccessManager(self)
        self._socket = QWebSocket(parent=self)
        self._socket.connected.connect(self._on_connected)
        self._socket.disconnected.connect(self._on_disconnected)
        self._socket.textMessageReceived.connect(self._on_message)
        self._reconnect = QTimer(self, singleShot=True)
        self._reconnect.timeout.connect(self._open_socket)
        self.heartbeat = Heartbeat(self, app, window, parent=self) if app else None

    # ---- the event stream --------------------------------------------------------------
    def start(self) -> None:
        self._stopped = False
        self._open_socket()
        if self.heartbeat is not None:
            self.heartbeat.start()

    def stop(self) -> None:
        self._stopped = True
        self._reconnect.stop()
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self._socket.close()
        for reply in list(self._pending):  # answers no one waits for any more: dropped now,
            reply.finished.disconnect()  # not called back while Qt tears the client down
            reply.abort()
            reply.deleteLater()
        self._pending.clear()

    def report_printer(self, state: str) -> None:
        """A kiosk's printer state (``ok``, ``paper_out``, ``offline`` …) for the heartbeat."""
        if self.heartbeat is not None:
            self.heartbeat.set_printer(state)

    def _open_socket(self) -> None:
        if self._stopped or self._socket.state() != QAbstractSocket.SocketState.UnconnectedState:
            return
        self._socket.open(self.events_request())

    def events_request(self) -> QNetworkRequest:
        """The event stream's handshake: the token rides in the Authorization header, never
        in the URL, so no access log or proxy ever records it."""
        ws = self.server.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
        request = QNetworkRequest(QUrl(f"{ws}/api/events"))
        request.setRawHeader(b"Authorization", f"Bearer {self.token}".encode())
        return request

    def _on_connected(self) -> None:
        self._retry = self._retry_min

    def _on_disconnected(self) -> None:
        self._set_online(False)
        if not self._stopped:
            self._reconnect.start(self._retry)
            self._retry = min(self._retry * 2, self._retry_max)

    def _on_message(self, text: str) -> None:
        try:
            event = json.loads(text)
            if event.get("type") == "hello":  # the state, read with the contract's model
                hello = Hello.model_validate(event)
            else:
                Event.model_validate(event)  # one name per field, as docs/events.md says
        except ValueError:  # not JSON, or not the contract's (a ValidationError): dropped,
            return  # so the next event's seq shows a gap and the state is read again
        if event.get("type") == "hello":
            self.snapshot = hello.state.model_dump(mode="json")
            self._set_online(True)
            self.snapshotChanged.emit(self.snapshot)
            return
        if event.get("seq", 0) <= self.snapshot.get("seq", 0):
            return  # already in the snapshot
        gap = event.get("seq", 0) != self.snapshot.get("seq", 0) + 1
        apply_event(self.snapshot, event)
        self.eventReceived.emit(event)
        if event.get("type") == CONFIG_CHANGED:  # names, windows, notice, reasons: read again
            self.refresh()
            self.configChanged.emit(event)
        elif gap:
            self.refresh()

    def refresh(self) -> None:
        """Read the whole state again (after missing events)."""
        def done(reply: Reply) -> None:
            if not reply.ok:
                return
            try:
                state = StateSnapshot.model_validate(reply.data)
            except ValueError:  # not the contract's state: keep the last good snapshot
                return
            self.snapshot = state.model_dump(mode="json")
            self.snapshotChanged.emit(self.snapshot)
        self.get("/api/state", done)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.onlineChanged.emit(online)

    # ---- HTTP ----------------------------------------------------------------------------
    def get(self, path: str, done: Done | None = None) -> None:
        self._send("GET", path, None, done)

    def post(self, path: str, body: dict[str, Any] | None = None,
             done: Done | None = None) -> None:
        self._send("POST", path, body or {}, done)

    def _send(self, method: str, path: str, body: dict[str, Any] | None,
              done: Done | None) -> None:
        request = QNetworkRequest(QUrl(self.server + path))
        request.setRawHeader(b"Authorization", f"Bearer {self.token}".encode())
        request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
        request.setTransferTimeout(TIMEOUT_MS)
        payload = QByteArray(json.dumps(body or {}).encode())
        reply = self._net.sendCustomRequest(request, method.encode(),
                                            payload if method != "GET" else QByteArray())
        self._pending.add(reply)
        reply.finished.connect(lambda: self._finished(reply, done))

    def _finished(self, reply: QNetworkReply, done: Done | None) -> None:
        self._pending.discard(reply)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        raw = bytes(reply.readAll().data())
        reply.deleteLater()
        if not status:
            result = Reply(0, None, "offline", reply.errorString())
        else:
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = None
            if 200 <= int(status) < 300:
                result = Reply(int(status), data)
            else:
                info = data if isinstance(data, dict) else {}
                result = Reply(int(status), data, str(info.get("code") or f"http_{status}"),
                               str(info.get("detail") or raw[:200].decode(errors="replace")))
        if done is not None:
            done(result)
