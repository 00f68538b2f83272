"""The caller pad follows the live configuration: its window's services and names, and the
pause reasons, change when the admin changes them, without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.caller.pad.session import PadSession
from hallq.caller.pad.texts import TEXTS
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from tests.caller.pad.conftest import PAD_TOKEN
from tests.live_server import LiveServer


def test_the_pad_sees_its_new_services_and_reasons(qtbot: QtBot, server: LiveServer) -> None:
    client = HallClient(server.url, PAD_TOKEN, retry_ms=(100, 300))
    session = PadSession(client, "3", Texts(TEXTS, "zh"))
    session.start()
    try:
        qtbot.waitUntil(lambda: client.online and bool(session.services), timeout=5000)
        with server.http() as http:
            http.put("/api/config/services/pass", json={"name": "港澳通行证", "prefix": "P",
                                                        "windows": ["14"]}
                     ).raise_for_status()
            http.put("/api/config/windows/3", json={"name": "3号窗口", "services": ["pass"]}
                     ).raise_for_status()
            http.patch("/api/config/policy", json={"pause_reasons": ["会议", "学习"],
                                                        "pause_reasons_en": None}
                       ).raise_for_status()
        qtbot.waitUntil(lambda: [s["code"] for s, _n in session.waiting()] == ["pass"],
                        timeout=5000)
        assert session.service_name("pass") == "港澳通行证"
        qtbot.waitUntil(lambda: client.snapshot["hall"]["pause_reasons"] == ["会议", "学习"],
                        timeout=5000)
    finally:
        client.stop()
