"""A pad whose config names no pause reasons offers the hall's, as the server's snapshot gives
them (the usual ones are defined once, in the server's domain)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hallq.caller.pad.session import PadSession
from hallq.caller.pad.texts import TEXTS
from hallq.caller.pad.window import PadWindow
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from tests.caller.pad.conftest import PAD_TOKEN, Pad
from tests.live_server import LiveServer


def test_a_pad_without_its_own_reasons_offers_the_servers(qtbot: QtBot,
                                                          server: LiveServer) -> None:
    texts = Texts(TEXTS, "zh")
    client = HallClient(server.url, PAD_TOKEN, retry_ms=(100, 300))
    session = PadSession(client, "3", texts)
    window = PadWindow(session, texts, [])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    session.start()
    try:
        qtbot.waitUntil(lambda: client.online and bool(session.services), timeout=5000)
        pad = Pad(qtbot, server, client, session, window)
        pad.log_in()
        pad.shows("张敏")
        pad.key(Qt.Key.Key_F8)
        reasons = [b.text() for _, b in window.work.reasons.choices]
        assert reasons == ["1  会议", "2  午休", "3  业务培训", "4  临时离开", "5  其他"]
        window.work.reasons.choices[4][1].click()
        pad.shows("暂停：其他")
    finally:
        client.stop()
