"""The bus config (``config/bus.toml``): ports, devices on them, key maps. See that file.

``load_bus_config(path)`` returns a checked :class:`BusConfig`; every mistake raises
:class:`BusConfigError` naming the file and the key (``bus.toml: devices[2].address: ...``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hallq.hardware.bus.codec import CodecError, load_table
from hallq.hardware.bus.drivers import ACTIONS, DEFAULT_KEYMAP, DRIVERS
from hallq.hardware.bus.health import BusTiming

WINDOW_KINDS = ("led", "keypad", "rating")
TIMING_KEYS = ("gap_ms", "timeout_ms", "poll_ms", "health_ms", "offline_after",
               "backoff_min_ms", "backoff_max_ms", "reopen_ms")


class BusConfigError(ValueError):
    pass


@dataclass(frozen=True)
class PortConfig:
    name: str
    url: str
    codec: str = "hallq"
    baudrate: int = 9600
    timing: BusTiming = field(default_factory=BusTiming)


@dataclass(frozen=True)
class DeviceConfig:
    kind: str  # led | strip | keypad | rating
    port: str
    address: int
    window: str | None = None
    width: int | None = None  # text width in half-width columns (GBK bytes)
    keymap: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BusConfig:
    ports: tuple[PortConfig, ...]
    devices: tuple[DeviceConfig, ...]
    strip_calls: int = 3  # how many latest calls the hall strip scrolls
    call_text: str = "请{number}号到{window_name}"


def load_bus_config(path: str | Path) -> BusConfig:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise BusConfigError(f"{path}: {e}") from None
    return parse_bus_config(data, str(path))


def _get(table: dict[str, Any], key: str, kind: Any, where: str, default: Any = None) -> Any:
    value = table.get(key, default)
    if value is None and default is None:
        raise BusConfigError(f"{where}.{key}: missing")
    if not isinstance(value, kind) or isinstance(value, bool):
        name = getattr(kind, "__name__", "number")
        raise BusConfigError(f"{where}.{key}: expected {name}, got {value!r}")
    return value


def parse_bus_config(data: dict[str, Any], source: str) -> BusConfig:
    bridge = data.get("bridge", {})
    keymaps = {name: _keymap(table, f"{source}: keymaps.{name}")
               for name, table in data.get("keymaps", {}).items()}
    ports = [_port(p, f"{source}: ports[{i}]") for i, p in enumerate(data.get("ports", []))]
    if not ports:
        raise BusConfigError(f"{source}: ports: at least one [[ports]] table is needed")
    names = [p.name for p in ports]
    if len(set(names)) != len(names):
        raise BusConfigError(f"{source}: ports: two ports share a name")
    ranges = {p.name: _address_range(p, source, i) for i, p in enumerate(ports)}
    devices: list[DeviceConfig] = []
    seen: set[tuple[str, int]] = set()
    for i, d in enumerate(data.get("devices", [])):
        where = f"{source}: devices[{i}]"
        kind = _get(d, "kind", str, where)
        if kind not in DRIVERS:
            raise BusConfigError(f"{where}.kind: one of {', '.join(DRIVERS)}, not {kind!r}")
        port = _get(d, "port", str, where, names[0] if len(names) == 1 else None)
        if port not in ranges:
            raise BusConfigError(f"{where}.port: no port named {port!r}")
        address = _get(d, "address", int, where)
        low, high = ranges[port]
        if not low <= address <= high:
            raise BusConfigError(f"{where}.address: {address} outside {low}..{high} of the codec")
        if (port, address) in seen:
            raise BusConfigError(f"{where}.address: {address} is already used on port {port}")
        seen.add((port, address))
        window = d.get("window")
        if kind in WINDOW_KINDS and not isinstance(window, str | int):
            raise BusConfigError(f"{where}.window: a {kind} needs the id of its window")
        keymap: dict[int, str] = {}
        if kind == "keypad":
            ref = d.get("keymap", "default")
            if isinstance(ref, dict):
                keymap = _keymap(ref, f"{where}.keymap")
            elif ref in keymaps or ref == "default":
                keymap = keymaps.get(ref, dict(DEFAULT_KEYMAP))
            else:
                raise BusConfigError(f"{where}.keymap: no [keymaps.{ref}] table")
        width = d.get("width")
        if width is not None and (not isinstance(width, int) or width < 1):
            raise BusConfigError(f"{where}.width: a positive number of columns")
        devices.append(DeviceConfig(kind, port, address, None if window is None else str(window),
                                    width, keymap))
    return BusConfig(tuple(ports), tuple(devices),
                     strip_calls=_get(bridge, "strip_calls", int, f"{source}: bridge", 3),
                     call_text=_get(bridge, "call_text", str, f"{source}: bridge",
                                    BusConfig.call_text))


def _port(table: dict[str, Any], where: str) -> PortConfig:
    timing = {k: float(_get(table, k, int | float, where)) for k in TIMING_KEYS if k in table}
    if "offline_after" in timing:
        timing["offline_after"] = int(timing["offline_after"])
    return PortConfig(name=_get(table, "name", str, where, _get(table, "url", str, where)),
                      url=_get(table, "url", str, where),
                      codec=_get(table, "codec", str, where, "hallq"),
                      baudrate=_get(table, "baudrate", int, where, 9600),
                      timing=BusTiming(**timing))  # type: ignore[arg-type]


def _address_range(port: PortConfig, source: str, index: int) -> tuple[int, int]:
    try:
        table = load_table(port.codec)
    except CodecError as e:
        raise BusConfigError(f"{source}: ports[{index}].codec: {e}") from None
    return table.address_min, table.address_max


def _keymap(table: dict[str, Any], where: str) -> dict[int, str]:
    keymap: dict[int, str] = {}
    for key, action in table.items():
        if not key.isdigit() or not 0 <= int(key) <= 255:
            raise BusConfigError(f"{where}.{key}: key codes are numbers 0..255")
        if action not in ACTIONS:
            raise BusConfigError(f"{where}.{key}: action one of {', '.join(ACTIONS)}")
        keymap[int(key)] = action
    return keymap
