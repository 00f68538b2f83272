"""Integrators can tell the server's own time from the network's."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.live_server import HALL, KIOSK


def test_every_answer_says_how_long_the_server_took(tmp_path: Path) -> None:
    server = build(HALL, f"sqlite:///{tmp_path / 'h.db'}", open_all_hours=True)
    with TestClient(server.app) as api:
        answer = api.post("/api/tickets", json={"service": "tax"},
                          headers={"Authorization": f"Bearer {KIOSK}"})
        refused = api.get("/api/state")
    assert answer.status_code == 201 and refused.status_code == 401
    for response in (answer, refused):
        name, _, duration = response.headers["server-timing"].partition(";dur=")
        assert name == "app" and 0 < float(duration) < 5000
