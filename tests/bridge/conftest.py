"""A real queue server, simulated bus devices on a pty and the bridge running in this process."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hallq.bridge.runtime import BridgeRuntime
from hallq.bridge.settings import load_settings
from hallq.client.connection import HallClient
from hallq.hardware.bus.sim_hall import SimHall
from tests.live_server import HALL, KIOSK, LiveServer

BRIDGE_TOKEN = "demo-bridge-token-1"
WAIT_MS = 5000
CLERKS = {"1": ("c01", "1234"), "2": ("c02", "2345"), "3": ("c03", "3456"),
          "4": ("c04", "4567")}  # the demo's logins (config/hall.toml [demo])


@dataclass
class Rig:
    server: LiveServer
    hall: SimHall
    runtime: BridgeRuntime
    qtbot: QtBot

    def login(self, window: str) -> None:
        self.server.login(window, *CLERKS[window])

    def issue(self, service: str = "biz") -> dict[str, Any]:
        with self.server.http(KIOSK) as c:
            answer = c.post("/api/tickets", json={"service": service})
            answer.raise_for_status()
            return dict(answer.json())

    def api(self, method: str, path: str, **body: Any) -> Any:
        with self.server.http() as c:
            answer = c.request(method, path, json=body or None)
            answer.raise_for_status()
            return answer.json()

    def wait(self, predicate: Any, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


@pytest.fixture
def rig(server: LiveServer, qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    hall = SimHall(["1", "2", "3"])
    bus_toml = tmp_path / "bus.toml"
    hall.write_bus_config(bus_toml)
    client = HallClient(server.url, BRIDGE_TOKEN, retry_ms=(100, 500))
    runtime = BridgeRuntime(load_settings(bus_toml, HALL), client)
    runtime.start()
    try:
        qtbot.waitUntil(lambda: client.online, timeout=WAIT_MS)
        yield Rig(server, hall, runtime, qtbot)
    finally:
        runtime.stop()
        hall.close()
