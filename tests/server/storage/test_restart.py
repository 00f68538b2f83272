"""After a restart the displays still list the recent calls (read back from the store)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.live_server import ADMIN, HALL, KIOSK, WINDOWS

NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_recent_calls_survive_a_restart(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    server = build(HALL, db, admin_token=ADMIN, clock=lambda: NOON, open_all_hours=True)
    with TestClient(server.app) as api:
        for _ in range(2):
            api.post("/api/tickets", json={"service": "tax"}, headers=_auth(KIOSK))
        api.post("/api/windows/9/login", json={"clerk": "c08", "pin": "8901"},
                 headers=_auth(WINDOWS)).raise_for_status()
        for _ in range(2):
            api.post("/api/windows/9/next", headers=_auth(WINDOWS)).raise_for_status()
        before = api.get("/api/state", headers=_auth(ADMIN)).json()["last_calls"]
    assert [c["number"] for c in before] == ["E002", "E001"]
    again = build(HALL, db, admin_token=ADMIN, clock=lambda: NOON, open_all_hours=True)
    with TestClient(again.app) as api:
        after = api.get("/api/state", headers=_auth(ADMIN)).json()["last_calls"]
    assert [(c["number"], c["window_name"]) for c in after] == [("E002", "9号窗口"),
                                                                 ("E001", "9号窗口")]


