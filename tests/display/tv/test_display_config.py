"""The TV display follows the live configuration: the notice line and a window's name change
on the screen when the admin changes them, without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.client.probe import visible_texts
from tests.display.tv.helpers import display
from tests.live_server import LiveServer


def test_the_notice_and_a_window_name_change_on_the_screen(qtbot: QtBot,
                                                           server: LiveServer) -> None:
    with display(qtbot, server.url) as tv:
        assert tv.ticker.text.startswith("请带齐材料")
        with server.http() as http:
            http.patch("/api/config/hall", json={"notice": "今日延时服务至19:00"}
                       ).raise_for_status()
            http.put("/api/config/windows/14", json={"name": "帮办代办窗口（爱心）", "number": 14,
                                                     "services": ["help", "general"]}
                     ).raise_for_status()
        qtbot.waitUntil(lambda: tv.ticker.text == "今日延时服务至19:00", timeout=5000)
        qtbot.waitUntil(lambda: any("帮办代办窗口（爱心）" in t for t in visible_texts(tv)),
                        timeout=5000)
