"""The shared client on ``config.changed``: it reads the state again by itself and says so
(``configChanged``), so every app shows the new names, windows and notice without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from tests.live_server import WINDOWS, LiveServer


def test_a_configuration_change_refreshes_the_snapshot(qtbot: QtBot, server: LiveServer) -> None:
    server.login("4")
    client = HallClient(server.url, WINDOWS)
    with qtbot.waitSignal(client.snapshotChanged, timeout=5000):
        client.start()
    snapshots: list[dict[str, object]] = []
    client.snapshotChanged.connect(snapshots.append)
    with qtbot.waitSignal(client.configChanged, timeout=5000) as changed, \
            server.http() as http:
        http.put("/api/config/services/pass", json={"name": "港澳通行证", "prefix": "P",
                                                    "windows": ["14"]}
                 ).raise_for_status()
        http.put("/api/config/windows/4", json={"name": "4号窗口（企业、港澳）",
                                                "services": ["biz", "pass"]}).raise_for_status()
        http.patch("/api/config/hall", json={"notice": "今日延时服务至19:00"}
                   ).raise_for_status()
    assert changed.args[0]["target"] in ("services/pass", "windows/4", "hall")

    def current() -> bool:
        window = next(w for w in client.snapshot["windows"] if w["id"] == "4")
        return (client.snapshot["hall"]["notice"] == "今日延时服务至19:00"
                and window["services"] == ["biz", "pass"] and window["status"] == "open"
                and "pass" in client.snapshot["waiting"])
    qtbot.waitUntil(current, timeout=5000)
    # every change was read again (no reply still open when the client goes)
    qtbot.waitUntil(lambda: len(snapshots) >= 3, timeout=5000)
    client.stop()
