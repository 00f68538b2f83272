"""``WS /console/events``: the live panels for a logged-in browser, after every event."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def panels(socket: Any) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(socket.receive_text())
    assert message["type"] == "live" and message["server_ms"] >= 0
    return message


def test_the_stream_sends_the_panels_again_after_an_event(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    with api.client.websocket_connect("/console/events") as socket:
        first = panels(socket)
        assert "1号窗口" in first["html"] and "企业开办" in first["html"]
        api.issue("biz")
        after = panels(socket)
        assert after["seq"] > first["seq"]
        assert '<td class="num waiting"><b>1</b></td>' in after["html"]
    english = api.client.get("/console?lang=en")
    assert english.status_code == 200
    with api.client.websocket_connect("/console/events") as socket:
        assert "Window 1" in panels(socket)["html"]  # the browser's language


def test_no_session_and_another_origin_are_refused(api: Api) -> None:
    with api.client.websocket_connect("/console/events") as socket, \
            pytest.raises(WebSocketDisconnect) as closed:
        socket.receive_text()
    assert closed.value.code == 4401
    add_users(api.server)
    log_in(api.client, "boss")
    with api.client.websocket_connect("/console/events", headers={
            "origin": "http://elsewhere.example"}) as socket, \
            pytest.raises(WebSocketDisconnect) as closed:
        socket.receive_text()
    assert closed.value.code == 4401


def test_logging_out_ends_the_stream_at_the_next_event(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console")
    with api.client.websocket_connect("/console/events") as socket:
        panels(socket)
        api.client.post("/console/logout", data={"csrf": csrf_of(page.text)})
        api.issue("biz")
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_text()
    assert closed.value.code == 4401
