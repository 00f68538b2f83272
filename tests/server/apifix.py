"""The in-process API on the example hall, with a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2  # what starlette's TestClient answers with
import pytest
from fastapi.testclient import TestClient

from hallq.server.bootstrap import Server, build

ROOT = Path(__file__).resolve().parents[2]
HALL = ROOT / "config" / "hall.toml"
ADMIN = "test-admin-token-0001"
KIOSK = "demo-kiosk-token-1"
PADS = "demo-window-token-all"
PAD3 = "demo-window-token-3"
DISPLAY = "demo-display-token-1"
BRIDGE = "demo-bridge-token-1"
MONDAY_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai
PINS = {"c01": "1234", "c02": "2345", "c03": "3456", "c08": "8901"}


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Api:
    client: TestClient
    clock: FakeClock
    server: Server
    db: Path

    def call(self, method: str, path: str, token: str | None = ADMIN,
             **kwargs: Any) -> httpx2.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, token: str | None = ADMIN, **kwargs: Any) -> httpx2.Response:
        return self.call("GET", path, token, **kwargs)

    def post(self, path: str, token: str | None = ADMIN, **kwargs: Any) -> httpx2.Response:
        return self.call("POST", path, token, **kwargs)

    def ok(self, method: str, path: str, token: str | None = ADMIN, **kwargs: Any) -> Any:
        response = self.call(method, path, token, **kwargs)
        assert response.status_code in (200, 201), (path, response.status_code, response.text)
        return response.json()

    def issue(self, service: str, **extra: Any) -> dict[str, Any]:
        ticket: dict[str, Any] = self.ok("POST", "/api/tickets", KIOSK,
                                         json={"service": service, **extra})
        return ticket

    def login(self, window: str, clerk: str) -> None:
        self.ok("POST", f"/api/windows/{window}/login", PADS,
                json={"clerk": clerk, "pin": PINS[clerk]})

    def act(self, window: str, action: str, **kwargs: Any) -> Any:
        return self.ok("POST", f"/api/windows/{window}/{action}", PADS, **kwargs)

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = self.ok("GET", "/api/state", DISPLAY)
        return state

    def window(self, window: str) -> dict[str, Any]:
        return next(w for w in self.state()["windows"] if w["id"] == window)


def make_api(tmp_path: Path, open_all_hours: bool = False,
             start: datetime = MONDAY_10) -> Iterator[Api]:
    clock = FakeClock(start)
    db = tmp_path / "hall.db"
    server = build(HALL, f"sqlite:///{db}", admin_token=ADMIN, clock=clock,
                   open_all_hours=open_all_hours)
    with TestClient(server.app, raise_server_exceptions=False) as client:
        yield Api(client, clock, server, db)
    server.service.store.engine.dispose()


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(tmp_path)


def detail(response: Any) -> str:
    text: str = response.json()["detail"]
    return text
