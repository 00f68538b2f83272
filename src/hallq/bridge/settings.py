"""What the bridge needs from its two config files: the bus (``bus.toml``) and, from the hall
(``hall.toml``), the services of each window and the pause reasons.

Every mistake raises :class:`BridgeSetupError` naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hallq.hardware.bus.config import BusConfig, BusConfigError, load_bus_config

DEFAULT_PAUSE_REASON = "临时离开"


class BridgeSetupError(ValueError):
    pass


@dataclass(frozen=True)
class BridgeSettings:
    bus: BusConfig
    window_services: dict[str, tuple[str, ...]]
    pause_reason: str  # sent with a keypad's pause key
    window_names: dict[str, str]


def load_settings(bus_path: str | Path, hall_path: str | Path) -> BridgeSettings:
    try:
        bus = load_bus_config(bus_path)
    except BusConfigError as e:
        raise BridgeSetupError(str(e)) from None
    from hallq.common.tomlreader import ConfigError
    from hallq.server.config import load_hall  # pure: the domain and a TOML reader

    try:
        hall = load_hall(hall_path)
    except ConfigError as e:
        raise BridgeSetupError(str(e)) from None
    services = {w.id: w.services for w in hall.windows}
    for i, device in enumerate(bus.devices):
        if device.window is not None and device.window not in services:
            raise BridgeSetupError(f"{bus_path}: devices[{i}].window: no window "
                                   f"{device.window!r} in {hall_path}")
    reason = _pause_reason(_bridge_table(bus_path), str(bus_path), hall.pause_reasons)
    return BridgeSettings(bus, services, reason, {w.id: w.name for w in hall.windows})


def _bridge_table(path: str | Path) -> dict[str, Any]:
    with open(path, "rb") as f:  # load_bus_config has read it already
        table = tomllib.load(f).get("bridge", {})
    return table if isinstance(table, dict) else {}


def _pause_reason(bridge: dict[str, Any], source: str, reasons: tuple[str, ...]) -> str:
    if "pause_reason" not in bridge:
        if DEFAULT_PAUSE_REASON in reasons or not reasons:
            return DEFAULT_PAUSE_REASON
        return reasons[0]
    reason = bridge["pause_reason"]
    if not isinstance(reason, str) or not reason:
        raise BridgeSetupError(f"{source}: bridge.pause_reason: expected a reason, "
                               f"got {reason!r}")
    if reasons and reason not in reasons:
        raise BridgeSetupError(f"{source}: bridge.pause_reason: {reason!r} is not one of the "
                               f"hall's pause_reasons ({', '.join(reasons)})")
    return reason
