"""The answers' models (hallq.contract) are the server's answers: every view the server builds
passes through its model unchanged (no field lost, none renamed), every event on the stream is
the contract's event, every refusal is the contract's error body with a stable code, and the
OpenAPI documents all of it. A real server on a loopback port, a real WebSocket."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel
from websockets.sync.client import connect

from hallq import contract
from hallq.server.service import follow_ups, reports
from tests.live_server import ADMIN, DISPLAY, KIOSK, WINDOWS, LiveServer, live_server


def same(model: type[BaseModel], view: Any) -> None:
    """``view`` read with ``model`` and written back is ``view`` itself (a view the server
    builds is its model: then its JSON is read back)."""
    if isinstance(view, BaseModel):
        assert isinstance(view, model)
        view = view.model_dump(mode="json", exclude_unset=True)
    assert model.model_validate(view).model_dump(mode="json", exclude_unset=True) == view


def busy_hall(server: LiveServer) -> None:
    server.login("3", "c03", "3456")
    server.login("4")
    with server.http(KIOSK) as kiosk:
        for service in ("biz", "biz", "tax"):
            kiosk.post("/api/tickets", json={"service": service}).raise_for_status()
    with server.http(WINDOWS) as pad:
        pad.post("/api/windows/3/next").raise_for_status()
        pad.post("/api/windows/3/finish").raise_for_status()
        pad.post("/api/windows/3/rating",
                 json={"score": 1, "reasons": ["服务态度差"]}).raise_for_status()
        pad.post("/api/windows/3/next").raise_for_status()
        pad.post("/api/windows/4/pause", json={"reason": "午休"}).raise_for_status()


def test_every_view_is_its_model(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server:
        busy_hall(server)
        hs = server.server.service
        same(contract.StateSnapshot, hs.snapshot())
        for service in hs.services():
            same(contract.Service, service)
        for window in hs.hall.windows:
            same(contract.Window, hs.window_json(window.id))
            same(contract.WindowToday, reports.window_today(hs, window.id))
        same(contract.DailyReport, reports.daily(hs, hs.day()))
        bad = follow_ups.listing(hs.work, None)
        assert bad and bad[0].score == 1
        for rating in bad:
            same(contract.FollowUp, rating)
        current = hs.snapshot().windows[2].current
        assert current is not None
        same(contract.Ticket, current)


def test_every_event_is_the_contracts_event(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server:
        url = server.url.replace("http://", "ws://") + f"/api/events?token={DISPLAY}"
        with connect(url, open_timeout=5) as ws:
            hello = json.loads(ws.recv(timeout=5))
            same(contract.Hello, hello)
            busy_hall(server)
            seen: list[dict[str, Any]] = []
            while not seen or seen[-1]["type"] != "window.paused":
                seen.append(json.loads(ws.recv(timeout=5)))
        kinds = {e["type"] for e in seen}
        assert {"window.opened", "ticket.issued", "ticket.called", "ticket.finished",
                "ticket.rated", "window.paused"} <= kinds
        for event in seen:
            same(contract.Event, event)


def refusal(answer: httpx.Response, status: int, code: str, field: str | None) -> None:
    assert answer.status_code == status, answer.text
    body = contract.ErrorBody.model_validate(answer.json())
    assert (body.code, body.field) == (code, field) and body.detail.strip()


def test_every_refusal_has_a_code_and_a_field(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server:
        with httpx.Client(base_url=server.url, timeout=5) as nobody:
            answer = nobody.get("/api/state")
            refusal(answer, 401, "unauthorized", "Authorization")
            assert answer.headers["www-authenticate"] == "Bearer"
        with server.http(DISPLAY) as display:
            refusal(display.post("/api/windows/3/next"), 403, "forbidden", None)
            refusal(display.post("/api/tickets", json={"service": "biz"}), 403, "forbidden",
                    None)
        with server.http(ADMIN) as admin:
            refusal(admin.post("/api/windows/99/next"), 404, "no_window", "window")
            refusal(admin.get("/api/windows/99"), 404, "no_window", "window")
            refusal(admin.get("/api/tickets/77"), 404, "not_found", None)
            refusal(admin.post("/api/tickets", json={"service": "nosuch"}), 422, "invalid",
                    "service")
            refusal(admin.post("/api/tickets", content=b"{", headers={
                "Content-Type": "application/json"}), 422, "invalid", "body")
            refusal(admin.get("/api/reports/daily?date=0"), 422, "invalid", "date")
            refusal(admin.post("/api/appointments", json={
                "service": "biz", "slot_start": 0, "slot_end": "2026-11-23T09:00+08:00"}),
                422, "invalid", "slot_start")


def test_the_openapi_documents_every_answer_and_refusal(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server, server.http() as admin:
        doc = admin.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas  # FastAPI's 422 body is not what we answer
    assert set(schemas["ErrorBody"]["required"]) == {"detail", "code", "field"}
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            ok = next(s for s in op["responses"] if s.startswith("2"))
            assert op["responses"][ok]["content"]["application/json"]["schema"], (method, path)
            if path == "/api/health":
                continue
            for status in ("401", "403", "404", "409", "422"):
                schema = op["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path)
            if "requestBody" in op:
                assert "400" in op["responses"], (method, path)


def test_a_token_is_asked_for_before_a_window_is_looked_up(tmp_path: Path) -> None:
    with live_server(tmp_path / "hall.db") as server, \
            httpx.Client(base_url=server.url, timeout=5) as nobody:
        for answer in (nobody.get("/api/windows/99"), nobody.post("/api/windows/99/next")):
            refusal(answer, 401, "unauthorized", "Authorization")
