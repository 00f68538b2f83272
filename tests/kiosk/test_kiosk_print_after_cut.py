"""A printer that answers the status on the touch, then stops reading: the ticket fits the socket
buffers, so only the status asked after the cut shows it never printed. The kiosk cancels the
ticket on the server and tells the citizen in plain words."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.hardware.printer.fake_printer import TcpFakePrinter
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import LiveServer


def test_a_printer_deaf_after_its_status_cancels_the_ticket(
        qtbot: QtBot, tmp_path: Path, server: LiveServer, make_kiosk: MakeKiosk) -> None:
    fake, pending = TcpFakePrinter("normal"), tmp_path / "pending.json"
    try:
        kiosk = make_kiosk(server.url, fake.url, check_seconds=600, pending_cancels=pending)
        kiosk.home.buttons["biz"].click()
        asked = len(fake.queries)
        # the status on the touch and the one before printing are answered, then it is deaf
        fake.stall_after, fake.mode = len(fake.received) + 2 * 9, "stall"
        kiosk.guide.take_button.click()
        qtbot.waitUntil(lambda: "打印失败" in kiosk.guide.message.text(), timeout=8000)
        assert kiosk.guide.message.text() == "打印失败，本次取号已作废，请联系工作人员"
        assert fake.queries[asked:] == [1, 2, 4, 1, 2, 4]  # both answered: all well
        assert kiosk.stack.currentWidget() is kiosk.guide  # no "take your ticket" screen
        qtbot.waitUntil(lambda: [t["status"] for t in tickets(server)] == ["cancelled"],
                        timeout=5000)
        qtbot.waitUntil(lambda: json.loads(pending.read_text()) == [], timeout=3000)
        with server.http() as http:
            assert http.get("/api/services").json()[0]["waiting"] == 0  # nobody waits for it
    finally:
        fake.close()
