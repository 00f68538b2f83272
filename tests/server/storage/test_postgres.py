"""The same hall on PostgreSQL: a city with many halls keeps its queues there."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.live_server import ADMIN, HALL, KIOSK, WINDOWS
from tests.server.pgfix import NEEDS_POSTGRES, emptied

pytestmark = NEEDS_POSTGRES
NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # a Monday, 12:00 in Shanghai


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield emptied()


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_day_at_a_window_survives_a_restart_on_postgres(pg_url: str) -> None:
    server = build(HALL, pg_url, admin_token=ADMIN, clock=lambda: NOON, open_all_hours=True)
    with TestClient(server.app) as api:
        numbers = [api.post("/api/tickets", json={"service": "tax"}, headers=headers(KIOSK))
                   .json()["number"] for _ in range(3)]
        assert numbers == ["E001", "E002", "E003"]
        api.post("/api/windows/9/login", json={"clerk": "c03", "pin": "3456"},
                 headers=headers(WINDOWS)).raise_for_status()
        called = api.post("/api/windows/9/next", headers=headers(WINDOWS)).json()["ticket"]
        api.post("/api/windows/9/finish", headers=headers(WINDOWS)).raise_for_status()
        rated = api.post(f"/api/tickets/{called['id']}/rating", json={"score": 5},
                         headers=headers(WINDOWS))
        assert rated.status_code == 201
        again = api.post(f"/api/tickets/{called['id']}/rating", json={"score": 4},
                         headers=headers(WINDOWS))
        assert again.status_code == 409
        api.post("/api/windows/9/next", headers=headers(WINDOWS)).raise_for_status()
    server.service.store.engine.dispose()

    restarted = build(HALL, pg_url, admin_token=ADMIN, clock=lambda: NOON, open_all_hours=True)
    with TestClient(restarted.app) as api:
        state = api.get("/api/state", headers=headers(ADMIN)).json()
        window = next(w for w in state["windows"] if w["id"] == "9")
        assert window["status"] == "open" and window["current"]["number"] == "E002"
        assert state["waiting"]["tax"] == 1
        issued = api.post("/api/tickets", json={"service": "tax"}, headers=headers(KIOSK))
        assert issued.json()["number"] == "E004"
        report = api.get("/api/reports/daily", params={"date": "2026-11-23"},
                         headers=headers(ADMIN)).json()
        assert report["issued"] == 4 and report["served"] == 1
        assert report["ratings"]["5"] == 1 and report["satisfaction_rate"] == 1.0
    restarted.service.store.engine.dispose()


def test_windows_calling_at_once_never_share_a_ticket_on_postgres(pg_url: str) -> None:
    server = build(HALL, pg_url, admin_token=ADMIN, clock=lambda: NOON, open_all_hours=True)
    with TestClient(server.app) as api:
        for _ in range(12):
            api.post("/api/tickets", json={"service": "general"}, headers=headers(KIOSK))
        for window, clerk, pin in (("1", "c01", "1234"), ("2", "c02", "2345"),
                                   ("3", "c03", "3456")):
            api.post(f"/api/windows/{window}/login", json={"clerk": clerk, "pin": pin},
                     headers=headers(WINDOWS)).raise_for_status()
        got: list[str] = []
        start = threading.Barrier(3)

        def desk(window: str) -> None:
            start.wait()
            for _ in range(4):
                ticket = api.post(f"/api/windows/{window}/next",
                                  headers=headers(WINDOWS)).json()["ticket"]
                got.append(ticket["number"])

        threads = [threading.Thread(target=desk, args=(w,)) for w in ("1", "2", "3")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(got) == [f"K{i:03d}" for i in range(1, 13)]
    server.service.store.engine.dispose()
