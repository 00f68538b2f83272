"""The live configuration against a real server process: HTTP and the event stream, a restart
(the database wins over the TOML file), and kill -9 in the middle of changes."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.server.realfix import DISPLAY, KIOSK, RealServer


def events(server: RealServer, token: str) -> ClientConnection:
    return connect(f"ws://127.0.0.1:{server.port}/api/events",
                   additional_headers={"Authorization": f"Bearer {token}"}, open_timeout=5,
                   close_timeout=2)


@pytest.mark.slow  # a server process
def test_a_change_reaches_the_event_stream_and_a_revoked_device_is_cut_off(
        real: RealServer) -> None:
    made = real.ok("PUT", "/api/config/devices/tv-9", json={"kind": "display"})
    with events(real, DISPLAY) as display, events(real, made["token"]) as revoked:
        for ws in (display, revoked):
            assert json.loads(ws.recv(timeout=5))["type"] == "hello"
        real.ok("PATCH", "/api/config/hall", json={"notice": "系统升级，暂停网上预约"})
        event = json.loads(display.recv(timeout=5))
        assert (event["type"], event["target"]) == ("config.changed", "hall")
        assert real.ok("GET", "/api/state", DISPLAY)["hall"]["notice"] == "系统升级，暂停网上预约"
        json.loads(revoked.recv(timeout=5))
        with real.client() as c:
            assert c.delete("/api/config/devices/tv-9").status_code == 200
        assert json.loads(display.recv(timeout=5))["target"] == "devices/tv-9"
        with pytest.raises(ConnectionClosed) as closed:
            revoked.recv(timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    with httpx.Client(base_url=real.url) as c:
        answer = c.get("/api/state", headers={"Authorization": f"Bearer {made['token']}"})
    assert answer.status_code == 401


@pytest.mark.slow  # two server processes, one after the other
def test_after_a_restart_the_database_wins_over_the_file(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db").start()
    try:
        server.ok("PUT", "/api/config/services/pass", json={"name": "港澳通行证", "prefix": "P",
                                                            "windows": ["14"]})
        server.ok("PUT", "/api/config/windows/12", json={"name": "12号窗口",
                                                        "services": ["exit", "pass"]})
        ticket = server.ok("POST", "/api/tickets", KIOSK, json={"service": "pass"})
    finally:
        server.stop()
    again = RealServer(tmp_path / "h.db", log=tmp_path / "again.log").start()
    try:
        services = again.ok("GET", "/api/services", KIOSK)
        assert services[-1]["code"] == "pass" and services[-1]["waiting"] == 1
        assert again.ok("GET", f"/api/tickets/{ticket['id']}", KIOSK)["number"] == "P001"
    finally:
        again.stop()
    assert "configuration from the database" in (tmp_path / "again.log").read_text()


@pytest.mark.slow  # a server process killed and started again
def test_a_server_killed_during_changes_has_each_wholly_or_not_at_all(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db").start()
    answered: list[int] = []
    stop = threading.Event()

    def change() -> None:
        with server.client() as c:
            for i in range(1, 400):
                if stop.is_set():
                    return
                try:
                    r = c.put("/api/config/services/estate",
                              json={"name": f"不动产登记{i}", "prefix": "B",
                                    "guide": {"materials": [f"材料{i}"] * 3}})
                except httpx.HTTPError:
                    return
                if r.status_code == 200:
                    answered.append(i)
    worker = threading.Thread(target=change)
    worker.start()
    deadline = time.monotonic() + 20
    while len(answered) < 15 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill9()
    stop.set()
    worker.join(timeout=20)
    server = RealServer(tmp_path / "h.db", log=tmp_path / "again.log").start()
    try:
        estate = next(s for s in server.ok("GET", "/api/config")["services"]
                      if s["code"] == "estate")
        lines = [line for line in server.ok("GET", "/api/audit")
                 if line["target"] == "services/estate"]
    finally:
        server.stop()
    n = int(estate["name"].removeprefix("不动产登记"))
    assert answered and n >= answered[-1]  # every answered change survived
    assert estate["guide"]["materials"] == [f"材料{n}"] * 3  # the whole item, not a half
    assert estate["version"] == n + 1 == len(lines) + 1  # the audit agrees, line for line
    assert lines[-1]["after"]["name"] == estate["name"]
