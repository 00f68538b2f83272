"""The kiosk against a real server: a window built like ``hallq kiosk`` builds it, with a
preview printer (bytes and PNG in a folder) unless a test gives another."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hallq.client.connection import HallClient
from hallq.client.i18n import Texts
from hallq.hardware.printer import TicketPrinter, open_printer
from hallq.kiosk.printing import KioskPrinter
from hallq.kiosk.texts import TEXTS
from hallq.kiosk.window import KioskSettings, KioskWindow
from tests.live_server import KIOSK, LiveServer

MakeKiosk = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeKiosk]:
    made: list[KioskWindow] = []

    def make(url: str, printer: TicketPrinter | str | None = None, language: str = "zh",
             size: tuple[int, int] = (1920, 1080), wait: bool = True,
             check_seconds: float = 0.3, **settings: object) -> KioskWindow:
        if printer is None or isinstance(printer, str):
            printer = open_printer(printer or f"preview:{tmp_path / 'tickets'}")
        client = HallClient(url, KIOSK, retry_ms=(100, 300))
        window = KioskWindow(client, KioskPrinter(printer, check_seconds), Texts(TEXTS, language),
                             KioskSettings(**settings))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.start()
        made.append(window)
        if wait:
            qtbot.waitUntil(lambda: bool(window.home.buttons) and client.online
                            and window.printer.status is not None, timeout=5000)
        return window

    yield make
    for window in made:
        window.stop()


def tickets(server: LiveServer) -> list[dict[str, object]]:
    """Every ticket of today, as the server has them (the admin's daily view)."""
    found = []
    with server.http() as http:
        for ticket_id in range(1, 100):
            reply = http.get(f"/api/tickets/{ticket_id}")
            if reply.status_code == 404:
                break
            found.append(reply.json())
    return found
