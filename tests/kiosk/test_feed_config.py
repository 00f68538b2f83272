"""The kiosk's service list follows the live configuration: a service added, renamed or
removed shows at once, without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from hallq.kiosk.feed import ServiceFeed
from tests.live_server import KIOSK, LiveServer


def test_the_service_list_changes_with_the_configuration(qtbot: QtBot,
                                                         server: LiveServer) -> None:
    client = HallClient(server.url, KIOSK, retry_ms=(100, 300))
    feed = ServiceFeed(client, refresh_seconds=3600)  # no timer: only the event may refresh
    client.start()
    feed.start()
    qtbot.waitUntil(lambda: bool(feed.services), timeout=5000)
    assert feed.find("pass") is None
    with server.http() as http:
        http.put("/api/config/services/pass", json={"name": "港澳通行证", "prefix": "P",
                                                    "windows": ["14"]}
                 ).raise_for_status()
        http.put("/api/config/windows/12", json={"name": "12号窗口",
                                                 "services": ["exit", "pass"]}
                 ).raise_for_status()
    qtbot.waitUntil(lambda: feed.find("pass") is not None
                    and feed.find("pass").windows == ("12", "14"), timeout=5000)  # type: ignore[union-attr]
    with server.http() as http:
        http.put("/api/config/services/tax", json={"name": "税务（电子税务局）", "prefix": "E"}
                 ).raise_for_status()
    qtbot.waitUntil(lambda: feed.find("tax").name == "税务（电子税务局）",  # type: ignore[union-attr]
                    timeout=5000)
    client.stop()
