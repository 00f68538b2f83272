"""``WS /console/events``: the live panels for a logged-in browser, after every event."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def panels(socket: Any) -> dict[str, Any]:
    """One message: the panels as an HTML fragment htmx swaps into #live (hx-swap-oob), with
    the event's sequence number and the server's time to build them in #live-meta."""
    html = socket.receive_text()
    assert html.startswith('<div id="live" hx-swap-oob="innerHTML">'), html[:200]
    meta = re.search(r'<span id="live-meta" hidden data-seq="(\d+)" data-at="([^"]+)" '
                     r'data-server-ms="([\d.]+)"></span>', html)
    assert meta is not None and float(meta.group(3)) >= 0, html[:300]
    return {"seq": int(meta.group(1)), "at": meta.group(2), "html": html}


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
    api.login("4", "c02")
    api.act("4", "next")
    english = api.client.get("/console?lang=en")
    assert english.status_code == 200
    assert "Example County Government Service Center" in english.text  # the hall's English name
    with api.client.websocket_connect("/console/events") as socket:
        html = panels(socket)["html"]  # the browser's language, names too
        assert "Window 1" in html and "Business Registration" in html
        assert "企业开办" not in html and "1号窗口" not in html


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
