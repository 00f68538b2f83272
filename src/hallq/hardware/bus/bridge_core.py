"""What the hall's devices should show, from the server's events; what their keys ask for.

Pure logic: no serial port, no network. The bridge process (see ``hardware.bus.bridge``) feeds
every event from ``WS /api/events`` (docs/events.md) as a dict to :meth:`handle_event` and sends
the returned ``(port name, Message)`` pairs on the buses; it hands every event frame a device sends
to :meth:`on_device_message`, which calls ``on_action`` with

- ``("window", window_id, action)``, action one of next, recall, skip, finish, pause, resume
  (a pause from a keypad carries no reason: the server side picks one, e.g. "暂停");
- ``("rating", window_id, score)``, score 1..5, for the window's last finished ticket
  (:meth:`last_finished` gives that ticket as the last ``ticket.finished`` event carried it).

Screens: ``ticket.called``/``recalled`` → the window's LED shows the number and the hall strip
scrolls "请A001号到3号窗口" with the latest calls; finished/missed/transferred → blank;
``window.paused`` → 暂停服务, ``window.closed`` → blank; ``hello`` sets every screen from the state.
Keypads show the waiting count of their window's services (all services if not given).
Frames equal to what a device was last sent are not sent again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from hallq.hardware.bus.codec import load_table
from hallq.hardware.bus.config import BusConfig, DeviceConfig
from hallq.hardware.bus.drivers import (
    DRIVERS,
    CallerKeypad,
    HallStrip,
    LedWindowScreen,
    RatingDevice,
)
from hallq.hardware.bus.message import Message
from hallq.hardware.bus.state_snapshot import Snapshot, read_snapshot

Action = tuple[str, str, str] | tuple[str, str, int]
Outgoing = tuple[str, Message]  # (port name, message)


class BusBridgeCore:
    def __init__(self, config: BusConfig, on_action: Callable[[Action], None], *,
                 window_services: Mapping[str, Sequence[str]] | None = None) -> None:
        self.config, self._on_action = config, on_action
        self._services = dict(window_services or {})
        encodings = {p.name: load_table(p.codec).text_encoding for p in config.ports}
        self.devices: dict[tuple[str, int], tuple[DeviceConfig, Any]] = {}
        for d in config.devices:
            options: dict[str, Any] = {"encoding": encodings[d.port]}
            if d.width:
                options["width"] = d.width
            if d.kind == "keypad":
                options["keymap"] = d.keymap
            self.devices[(d.port, d.address)] = (d, DRIVERS[d.kind](d.address, **options))
        self.snapshot = Snapshot()
        self._sent: dict[tuple[str, int, str], bytes] = {}
        self._last_finished: dict[str, dict[str, Any]] = {}

    def last_finished(self, window: str) -> dict[str, Any] | None:
        return self._last_finished.get(window)

    def handle_event(self, event: Mapping[str, Any]) -> list[Outgoing]:
        kind = str(event.get("type", ""))
        s = self.snapshot
        window = str(event.get("window", ""))
        raw = event.get("ticket")
        ticket: dict[str, Any] = raw if isinstance(raw, dict) else {}
        number = str(ticket.get("number", ""))
        dirty: set[str] | None = {window}
        if kind == "hello":
            self.snapshot = s = read_snapshot(event.get("state") or {}, self.config.strip_calls,
                                              self.config.call_text)
            dirty = None  # every screen
        elif kind in ("ticket.called", "ticket.recalled"):
            s.current[window], s.status[window] = number, "open"
            name = str(event.get("window_name") or f"{window}号窗口")
            s.add_call(self.config.call_text.format(number=number, window=window,
                                                    window_name=name), self.config.strip_calls)
        elif kind in ("ticket.finished", "ticket.missed", "ticket.transferred"):
            if s.current.get(window) == number:
                s.current[window] = None
            if kind == "ticket.finished":
                self._last_finished[window] = ticket
        elif kind in ("window.opened", "window.resumed"):
            s.status[window] = "open"
        elif kind == "window.paused":
            s.status[window] = "paused"
        elif kind == "window.closed":
            s.status[window], s.current[window] = "closed", None
        if isinstance(event.get("waiting"), dict):
            s.waiting = {str(k): int(v) for k, v in event["waiting"].items()}
        return self._render(dirty)

    def on_device_message(self, port: str, message: Message) -> Action | None:
        """An event frame from a device (called on its bus thread); returns the action, if any."""
        entry = self.devices.get((port, message.address))
        if entry is None or entry[0].window is None:
            return None
        window, driver = entry[0].window, entry[1]
        action: Action | None = None
        if isinstance(driver, CallerKeypad):
            name = driver.action(message)
            action = ("window", window, name) if name else None
        elif isinstance(driver, RatingDevice):
            score = driver.score(message)
            action = ("rating", window, score) if score else None
        if action is not None:
            self._on_action(action)
        return action

    def _render(self, windows: set[str] | None) -> list[Outgoing]:
        """Frames for the screens that changed: the LEDs of ``windows`` (None: all), the hall
        strips and the keypads (cheap to check: their text is compared with the last sent)."""
        s, out = self.snapshot, []
        strip_text = "  ".join(s.calls)
        for (port, _), (device, driver) in self.devices.items():
            window = device.window or ""
            if isinstance(driver, LedWindowScreen):
                if windows is not None and window not in windows:
                    continue
                status, current = s.status.get(window, "closed"), s.current.get(window)
                message = (driver.show_paused() if status == "paused"
                           else driver.show_number(current) if current and status == "open"
                           else driver.blank())
            elif isinstance(driver, HallStrip):
                message = driver.scroll(strip_text)
            elif isinstance(driver, CallerKeypad):
                message = driver.show_waiting(s.waiting_for(self._services.get(window)))
            else:
                continue
            key = (port, message.address, message.command.value)
            if self._sent.get(key) != message.payload:
                self._sent[key] = message.payload
                out.append((port, message))
        return out
