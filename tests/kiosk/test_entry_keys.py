"""Appointment check-in keys (issue 13): every letter is on the on-screen keyboard, and an error
line does not move the keys under the citizen's finger."""

from __future__ import annotations

import string

from pytestqt.qtbot import QtBot

from tests.kiosk.conftest import MakeKiosk, tickets
from tests.kiosk.test_kiosk_screens import book
from tests.live_server import LiveServer


def test_every_letter_and_digit_has_a_key_and_an_io_code_checks_in(
        qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk) -> None:
    book(server, "OIO12345", -5)  # imported codes may hold I and O
    kiosk = make_kiosk(server.url)
    kiosk.home.checkin.click()
    screen = kiosk.checkin
    labels = {k.text() for k in screen.keypad.keys}
    assert set(string.ascii_uppercase + string.digits) <= labels
    for char in "OIO12345":
        next(k for k in screen.keypad.keys if k.text() == char).click()
    screen.submit_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert tickets(server)[0]["appointment"] == "OIO12345"
    assert kiosk.confirm.priority.text().startswith("预约号 ")  # with its slot, not 优先


def test_an_error_line_does_not_push_the_keys_down(qtbot: QtBot, server: LiveServer,
                                                   make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    kiosk.home.checkin.click()
    screen = kiosk.checkin
    qtbot.wait(20)
    before = [k.mapTo(kiosk, k.rect().topLeft()) for k in screen.keypad.keys]
    screen.edit.setText("NOSUCH99")
    screen.submit_button.click()
    qtbot.waitUntil(lambda: screen.message.text() == "没有找到这个预约码", timeout=5000)
    qtbot.wait(20)
    assert [k.mapTo(kiosk, k.rect().topLeft()) for k in screen.keypad.keys] == before
    screen.show_message("一行很长的提示，" * 8)  # even two lines of it
    qtbot.wait(20)
    assert [k.mapTo(kiosk, k.rect().topLeft()) for k in screen.keypad.keys] == before
