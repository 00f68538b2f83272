"""The bridge at work: server events → :class:`BusBridge` → screens; keys → API calls.

Everything here runs on the Qt thread. Device actions and device status changes arrive on bus
threads and are handed over through queued signals; the server is reached only through the
shared :class:`HallClient` (never blocking).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import serial
from PySide6.QtCore import QObject, Qt, Signal

from hallq.bridge.settings import BridgeSettings
from hallq.client.connection import HallClient, Reply
from hallq.hardware.bus.bridge import BusBridge
from hallq.hardware.bus.bridge_core import Action

log = logging.getLogger("hallq.bridge")
QUEUED = Qt.ConnectionType.QueuedConnection


def request_for(action: Action, pause_reason: str) -> tuple[str, dict[str, Any]]:
    """The API call (path, body) that carries out a device's action."""
    kind, window, value = action
    base = f"/api/windows/{quote(window, safe='')}"
    if kind == "rating":
        return f"{base}/rating", {"score": int(value), "channel": "device"}
    if value == "pause":
        return f"{base}/pause", {"reason": pause_reason}
    return f"{base}/{value}", {}


class BridgeRuntime(QObject):
    actionReceived = Signal(object)  # an Action, emitted on a bus thread
    deviceStatusReceived = Signal(str, int, bool)  # emitted on a bus thread
    actionDone = Signal(object, object)  # (Action, Reply) once the server has answered
    deviceStatusChanged = Signal(str, int, bool)  # (port, address, online), on the Qt thread

    def __init__(self, settings: BridgeSettings, client: HallClient, *,
                 opener: Callable[..., Any] = serial.serial_for_url,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings, self.client = settings, client
        self.online: dict[tuple[str, int], bool] = {}  # what each device last reported
        self._stopped = False
        self.actionReceived.connect(self._act, QUEUED)
        self.deviceStatusReceived.connect(self._device_status, QUEUED)
        self.bus = BusBridge(settings.bus, self._from_bus, on_device_status=self._status_from_bus,
                             window_services=settings.window_services, opener=opener)
        client.snapshotChanged.connect(self._snapshot)
        client.eventReceived.connect(self._event)
        client.onlineChanged.connect(self._server_online)

    def start(self) -> None:
        self.bus.start()
        self.client.start()

    def stop(self) -> None:
        """Stop the event stream and the buses; what the devices report from now on is dropped
        (nothing is left queued for a Qt thread that may be gone)."""
        self._stopped = True
        self.client.stop()
        self.bus.stop()

    # ---- bus threads: hand over, nothing else -------------------------------------------
    def _from_bus(self, action: Action) -> None:
        if not self._stopped:
            self.actionReceived.emit(action)

    def _status_from_bus(self, port: str, address: int, online: bool) -> None:
        if not self._stopped:
            self.deviceStatusReceived.emit(port, address, online)

    # ---- the Qt thread -------------------------------------------------------------------
    def _snapshot(self, state: dict[str, Any]) -> None:
        self.bus.handle_event({"type": "hello", "state": state})

    def _event(self, event: dict[str, Any]) -> None:
        self.bus.handle_event(event)

    def _server_online(self, online: bool) -> None:
        if online:
            log.info("server %s: connected", self.client.server)
        else:
            log.warning("server %s: offline, retrying", self.client.server)

    def _device_status(self, port: str, address: int, online: bool) -> None:
        self.online[(port, address)] = online
        device = next((d for d in self.settings.bus.devices
                       if d.port == port and d.address == address), None)
        what = f"{device.kind} {address}" if device else f"device {address}"
        if device is not None and device.window is not None:
            what += f" of window {device.window}"
        (log.info if online else log.warning)("%s on port %s: %s", what, port,
                                              "online" if online else "OFFLINE")
        self.deviceStatusChanged.emit(port, address, online)

    def _act(self, action: Action) -> None:
        path, body = request_for(action, self.settings.pause_reason)
        self.client.post(path, body, lambda reply: self._answered(action, reply))

    def _answered(self, action: Action, reply: Reply) -> None:
        kind, window, value = action
        what = f"window {window}: " + (f"rating {value}" if kind == "rating" else str(value))
        if not reply.ok:
            reason = reply.message or reply.code
            log.warning("%s refused (%s): %s", what, reply.status or "offline", reason)
        else:
            data = reply.data if isinstance(reply.data, dict) else {}
            ticket = data.get("ticket") if "ticket" in data else None
            if value == "next" and ticket is None:
                log.info("%s: nobody is waiting", what)
            else:
                number = ticket.get("number") if isinstance(ticket, dict) else None
                log.info("%s done%s", what, f" ({number})" if number else "")
        self.actionDone.emit(action, reply)
