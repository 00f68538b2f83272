"""The kiosk tells the server it is alive and how its printer is (through the shared client's
heartbeat): paper out at the kiosk is an alarm on the server, paper back clears it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from hallq.client.heartbeat import this_host
from hallq.client.i18n import Texts
from hallq.hardware.printer import open_printer
from hallq.kiosk.printing import KioskPrinter
from hallq.kiosk.texts import TEXTS
from hallq.kiosk.window import KioskSettings, KioskWindow
from tests.hardware.printer.fake_printer import TcpFakePrinter
from tests.live_server import KIOSK, LiveServer


@pytest.fixture
def fake_printer() -> Iterator[TcpFakePrinter]:
    fake = TcpFakePrinter("normal")
    yield fake
    fake.close()


def alarm_kinds(server: LiveServer) -> list[str]:
    return [a.kind for a in server.server.service.watch.alarms()]


def test_paper_out_at_the_kiosk_is_an_alarm_on_the_server(
        qtbot: QtBot, server: LiveServer, fake_printer: TcpFakePrinter) -> None:
    client = HallClient(server.url, KIOSK, retry_ms=(100, 300), app="kiosk")
    kiosk = KioskWindow(client, KioskPrinter(open_printer(fake_printer.url), 0.3),
                        Texts(TEXTS, "zh"), KioskSettings())
    qtbot.addWidget(kiosk)
    kiosk.start()
    try:
        watch = server.server.service.watch
        key = f"kiosk-1/kiosk/{this_host()}"
        qtbot.waitUntil(lambda: key in {d.key for d in watch.device_list()}, timeout=5000)
        qtbot.waitUntil(lambda: watch.devices[key].printer == "ok", timeout=5000)
        assert alarm_kinds(server) == []
        fake_printer.mode = "paper_out"
        qtbot.waitUntil(lambda: alarm_kinds(server) == ["printer"], timeout=5000)
        assert "缺纸" in watch.alarms()[0].message
        fake_printer.mode = "normal"
        qtbot.waitUntil(lambda: alarm_kinds(server) == [], timeout=5000)
    finally:
        kiosk.stop()
