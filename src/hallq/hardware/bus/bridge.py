"""The bus side of the bridge process: config → buses + drivers + :class:`BusBridgeCore`.

Wiring (the server client is written elsewhere)::

    config = load_bus_config("config/bus.toml")
    bridge = BusBridge(config, on_action=actions.put, on_device_status=report)
    bridge.start()
    for event in server_events():          # dicts from WS /api/events, "hello" first
        bridge.handle_event(event)
    ...                                    # another thread: act on actions.get():
    # ("window", "3", "next") → POST /api/windows/3/next
    # ("rating", "3", 5)      → POST /api/tickets/{bridge.core.last_finished("3")["id"]}/rating
    bridge.stop()

``on_action`` and ``on_device_status(port, address, online)`` run on bus threads: hand the work
to your own thread or queue. ``handle_event`` may be called from any one thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import serial

from hallq.hardware.bus.bridge_core import Action, BusBridgeCore
from hallq.hardware.bus.config import BusConfig
from hallq.hardware.bus.framing import load_codec
from hallq.hardware.bus.message import Message
from hallq.hardware.bus.serial_bus import SerialBus


class BusBridge:
    def __init__(self, config: BusConfig, on_action: Callable[[Action], None], *,
                 on_device_status: Callable[[str, int, bool], None] | None = None,
                 window_services: Mapping[str, Sequence[str]] | None = None,
                 opener: Callable[..., Any] = serial.serial_for_url) -> None:
        self.core = BusBridgeCore(config, on_action, window_services=window_services)
        self._lock = threading.Lock()
        self.buses: dict[str, SerialBus] = {}
        for port in config.ports:
            self.buses[port.name] = SerialBus(
                port.url, load_codec(port.codec), baudrate=port.baudrate, timing=port.timing,
                name=port.name, opener=opener,
                on_message=self._from_device(port.name),
                on_device_status=self._status(port.name, on_device_status))
        for (port_name, address), (device, _) in self.core.devices.items():
            self.buses[port_name].add_device(address, polled=device.kind in ("keypad", "rating"))

    def _from_device(self, port: str) -> Callable[[Message], None]:
        return lambda message: self.core.on_device_message(port, message) and None

    @staticmethod
    def _status(port: str, callback: Callable[[str, int, bool], None] | None
                ) -> Callable[[int, bool], None] | None:
        if callback is None:
            return None
        return lambda address, online: callback(port, address, online)

    def handle_event(self, event: Mapping[str, Any]) -> None:
        with self._lock:
            outgoing = self.core.handle_event(event)
        for port, message in outgoing:
            self.buses[port].send(message)

    def start(self) -> None:
        for bus in self.buses.values():
            bus.start()

    def stop(self) -> None:
        for bus in self.buses.values():
            bus.stop()
