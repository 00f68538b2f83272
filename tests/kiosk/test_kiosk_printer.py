"""The kiosk never hands out a number it cannot print: printer status before issuing, a ticket
cancelled when printing fails, and service buttons off while the printer is known bad."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hallq.hardware.printer import TicketPrinter, load_profile
from hallq.hardware.printer.transports.base import Transport
from tests.hardware.printer.fake_printer import TcpFakePrinter
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import LiveServer, free_port, live_server

PAPER_OUT = "打印机缺纸，暂时无法取号，请联系工作人员"


class JammedTransport(Transport):
    """Answers status like a healthy printer, then fails as the ticket is written."""

    def __init__(self) -> None:
        super().__init__("fake:jammed")

    def open(self, timeout: float) -> None:
        return None

    def query(self, request: bytes, timeout: float) -> bytes:
        return b"\x12"

    def write(self, data: bytes, timeout: float) -> None:
        raise OSError("paper jam")

    def close(self) -> None:
        return None


@pytest.fixture
def fake_printer() -> Iterator[TcpFakePrinter]:
    fake = TcpFakePrinter("normal")
    yield fake
    fake.close()


def test_out_of_paper_gives_no_ticket_and_says_so(qtbot: QtBot, server: LiveServer,
                                                  make_kiosk: MakeKiosk,
                                                  fake_printer: TcpFakePrinter) -> None:
    fake_printer.mode = "paper_out"
    kiosk = make_kiosk(server.url, fake_printer.url)
    assert kiosk.printer_banner.isVisible() and kiosk.printer_banner.text() == PAPER_OUT
    assert not any(b.isEnabled() for b in kiosk.home.buttons.values())
    assert not kiosk.home.checkin.isEnabled()
    kiosk.home.buttons["biz"].click()
    assert kiosk.stack.currentWidget() is kiosk.home
    assert tickets(server) == []
    fake_printer.mode = "normal"  # paper put in: the periodic check brings the buttons back
    qtbot.waitUntil(lambda: kiosk.home.buttons["biz"].isEnabled(), timeout=5000)
    assert not kiosk.printer_banner.isVisible()


def test_printer_that_runs_out_just_before_issuing(qtbot: QtBot, server: LiveServer,
                                                   make_kiosk: MakeKiosk,
                                                   fake_printer: TcpFakePrinter) -> None:
    kiosk = make_kiosk(server.url, fake_printer.url, check_seconds=600)
    kiosk.home.buttons["biz"].click()
    fake_printer.mode = "paper_out"
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.guide.message.text() == PAPER_OUT, timeout=5000)
    assert tickets(server) == []  # status is checked before the server issues anything
    assert not kiosk.guide.take_button.isEnabled()
    assert not kiosk.home.buttons["tax"].isEnabled()
    assert b"\x1b@" not in fake_printer.received  # nothing printed


def test_print_failure_cancels_the_ticket(qtbot: QtBot, server: LiveServer,
                                          make_kiosk: MakeKiosk) -> None:
    jammed = TicketPrinter(JammedTransport(), load_profile("default"))
    kiosk = make_kiosk(server.url, jammed, check_seconds=600)
    kiosk.home.buttons["biz"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: "打印失败" in kiosk.guide.message.text(), timeout=5000)
    assert kiosk.guide.message.text() == "打印失败，本次取号已作废，请联系工作人员"
    qtbot.waitUntil(lambda: [t["status"] for t in tickets(server)] == ["cancelled"],
                    timeout=5000)
    assert kiosk.stack.currentWidget() is kiosk.guide
    with server.http() as http:
        assert http.get("/api/services").json()[0]["waiting"] == 0  # nobody waits for it


def test_printed_ticket_reaches_a_tcp_printer(qtbot: QtBot, server: LiveServer,
                                              make_kiosk: MakeKiosk,
                                              fake_printer: TcpFakePrinter) -> None:
    kiosk = make_kiosk(server.url, fake_printer.url)
    kiosk.home.buttons["estate"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    qtbot.waitUntil(lambda: b"B001" in fake_printer.job, timeout=5000)
    assert "不动产登记".encode("gb18030") in fake_printer.job
    assert fake_printer.queries[:3] == [1, 2, 4]


class HeldTransport(JammedTransport):
    """Fails the ticket's write only when the test lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.writing, self.release = threading.Event(), threading.Event()

    def write(self, data: bytes, timeout: float) -> None:
        self.writing.set()
        self.release.wait(5)
        raise OSError("paper jam")


def test_cancel_reaches_a_server_that_was_away(qtbot: QtBot, tmp_path: Path,
                                               make_kiosk: MakeKiosk) -> None:
    held, port = HeldTransport(), free_port()
    printer = TicketPrinter(held, load_profile("default"), stall_s=6)
    with live_server(tmp_path / "away.db", port=port) as server:
        kiosk = make_kiosk(server.url, printer, check_seconds=600)
        kiosk.home.buttons["biz"].click()
        kiosk.guide.take_button.click()
        qtbot.waitUntil(held.writing.is_set, timeout=5000)
    held.release.set()  # the print fails while the server is gone
    qtbot.waitUntil(lambda: "打印失败" in kiosk.guide.message.text(), timeout=5000)
    with live_server(tmp_path / "away.db", port=port) as server:
        qtbot.waitUntil(lambda: [t["status"] for t in tickets(server)] == ["cancelled"],
                        timeout=8000)


def test_a_kiosk_switched_off_before_the_cancel_got_through_cancels_when_started(
        qtbot: QtBot, tmp_path: Path, make_kiosk: MakeKiosk) -> None:
    held, port, pending = HeldTransport(), free_port(), tmp_path / "pending.json"
    printer = TicketPrinter(held, load_profile("default"), stall_s=6)
    with live_server(tmp_path / "off.db", port=port) as server:
        kiosk = make_kiosk(server.url, printer, check_seconds=600, pending_cancels=pending)
        kiosk.home.buttons["biz"].click()
        kiosk.guide.take_button.click()
        qtbot.waitUntil(held.writing.is_set, timeout=5000)
    held.release.set()  # the print fails while the server is gone
    qtbot.waitUntil(lambda: "打印失败" in kiosk.guide.message.text(), timeout=5000)
    kiosk.stop()  # and the kiosk is switched off before the server is back
    assert json.loads(pending.read_text()) == [1]
    with live_server(tmp_path / "off.db", port=port) as server:
        assert [t["status"] for t in tickets(server)] == ["waiting"]  # nobody holds A001
        make_kiosk(server.url, check_seconds=600, pending_cancels=pending)
        qtbot.waitUntil(lambda: [t["status"] for t in tickets(server)] == ["cancelled"],
                        timeout=8000)
        qtbot.waitUntil(lambda: json.loads(pending.read_text()) == [], timeout=3000)
