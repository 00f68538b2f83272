"""When the server goes away the pad says so in a banner and offers nothing it cannot do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.caller.pad.conftest import open_pad
from tests.live_server import free_port, live_server


def test_offline_banner_when_the_server_stops_and_back_when_it_returns(
        qtbot: QtBot, tmp_path: Path) -> None:
    port = free_port()
    with live_server(tmp_path / "hall.db", port=port) as server:
        server.login("3", "c03", "3456")
        pad = open_pad(qtbot, server)
        pad.shows("张敏")
        pad.idle()
        assert not pad.window.banner.isVisible()
        assert pad.button("next").isEnabled()
    # the server has stopped
    qtbot.waitUntil(lambda: pad.window.banner.isVisible(), timeout=8000)
    assert "与排队服务器的连接已断开" in " ".join(pad.texts())
    assert not any(b.isEnabled() for b in pad.window.work.board.buttons.values())
    QTest.keyClick(pad.window, Qt.Key.Key_F1)  # a key does nothing either
    assert pad.session.busy is False
    with live_server(tmp_path / "hall.db", port=port):
        qtbot.waitUntil(lambda: not pad.window.banner.isVisible(), timeout=8000)
        pad.shows("张敏")  # still logged in: the server kept the shift
        assert pad.button("next").isEnabled()
        pad.client.stop()
