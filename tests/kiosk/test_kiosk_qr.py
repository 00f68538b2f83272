"""The ticket's secret goes to the kiosk that prints it: the printed slip still carries the
QR code of the citizen's own status page, and that page works."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pytestqt.qtbot import QtBot

from tests.hardware.printer.fake_printer import TcpFakePrinter
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import LiveServer


@pytest.fixture
def fake_printer() -> Iterator[TcpFakePrinter]:
    fake = TcpFakePrinter("normal")
    yield fake
    fake.close()


def test_the_printed_ticket_carries_its_status_page(qtbot: QtBot, server: LiveServer,
                                                    make_kiosk: MakeKiosk,
                                                    fake_printer: TcpFakePrinter) -> None:
    kiosk = make_kiosk(server.url, fake_printer.url)
    kiosk.home.buttons["estate"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: b"B001" in fake_printer.job, timeout=5000)
    [ticket] = tickets(server)
    with server.http() as admin:  # the admin may read the secret; no other device may
        url = admin.get(f"/api/tickets/{ticket['id']}").json()["status_url"]
    token = url.rsplit("/t/", 1)[1]
    qtbot.waitUntil(lambda: url.encode() in fake_printer.job, timeout=5000)  # the QR's data
    with httpx.Client(base_url=server.url, timeout=5) as phone:
        page = phone.get(f"/t/{token}")
    assert page.status_code == 200 and "B001" in page.text
