"""Every app, started as ``hallq <app>`` the way a hall starts it, reports its health to the
server by itself: kiosk (with its printer), TV display, caller pad, rating pad, bus bridge."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from hallq.apps import BRIDGE, DISPLAY, KIOSK, WINDOWS, Hall
from hallq.hardware.bus.sim_hall import SimHall
from tests.bridge.test_cli_bridge import bridge


def devices(hall: Hall) -> dict[tuple[str, str | None], dict[str, Any]]:
    found: list[dict[str, Any]] = hall.call("GET", "/api/devices")
    return {(d["app"], d["window"]): d for d in found}


@pytest.mark.slow  # five app processes and a server
def test_every_app_reports_its_health_by_itself(tmp_path: Path) -> None:
    hall = Hall(tmp_path)
    sim = SimHall(["4"])
    process = None
    try:
        hall.start_server()
        hall.start_app("kiosk", "kiosk", "--token", KIOSK, "--printer",
                       f"preview:{tmp_path / 'tickets'}")
        hall.start_app("display", "display", "--token", DISPLAY, "--no-voice")
        hall.start_app("caller", "caller", "--window", "3", "--token", WINDOWS)
        hall.start_app("rate", "rate", "--window", "3", "--token", WINDOWS)
        bus = tmp_path / "bus.toml"
        sim.write_bus_config(bus)
        process = bridge("--bus", str(bus), "--server", hall.url, "--token", BRIDGE)
        wanted = {("kiosk", None), ("display", None), ("caller", "3"), ("rating", "3"),
                  ("bridge", None)}
        deadline = time.monotonic() + 40
        while set(devices(hall)) != wanted and time.monotonic() < deadline:
            time.sleep(0.2)
        found = devices(hall)
        assert set(found) == wanted
        assert found[("kiosk", None)]["printer"] == "ok"  # the preview printer is ready
        assert found[("caller", "3")]["device"] == "pads-all"
        assert found[("bridge", None)]["device"] == "bus-1"
        assert not any(d["silent"] for d in found.values())
        assert hall.call("GET", "/api/alarms") == []
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.communicate(timeout=5)
        sim.close()
        hall.close()
