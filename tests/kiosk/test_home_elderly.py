"""长者模式 (6.7.3, issue 13): every screen larger, and every function still on the screen, on
a 16:9 and a portrait kiosk; the grid never paints empty after a switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hallq.kiosk.window import KioskWindow
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import LiveServer

SIZES = [(1920, 1080), (1080, 1920)]


def on_screen(kiosk: KioskWindow, widget: QWidget) -> bool:
    """Shown, whole inside the kiosk's window, and not squeezed below its own minimum."""
    where = QRect(widget.mapTo(kiosk, QPoint(0, 0)), widget.size())
    least = widget.minimumSizeHint()
    return (widget.isVisible() and kiosk.rect().contains(where)
            and widget.height() >= min(least.height(), widget.sizeHint().height()))


@pytest.mark.parametrize("size", SIZES, ids=["16x9", "portrait"])
def test_elderly_mode_keeps_every_function_reachable(qtbot: QtBot, server: LiveServer,
                                                     make_kiosk: MakeKiosk,
                                                     size: tuple[int, int]) -> None:
    kiosk = make_kiosk(server.url, size=size)
    standard_checkin = kiosk.home.checkin.height()
    kiosk.home.elderly_switch.click()
    qtbot.wait(50)
    home = kiosk.home
    for button in (home.checkin, home.language, home.elderly_switch, *home.buttons.values()):
        assert on_screen(kiosk, button), button.text()
    assert home.checkin.height() > standard_checkin  # 预约签到 as big as the rest
    home.buttons["social"].click()
    qtbot.wait(50)
    guide = kiosk.guide
    for key in (guide.take_button, guide.priority_button, guide.back_button):
        assert on_screen(kiosk, key), key.text()
    assert guide.priority_button.height() >= guide.take_button.height()  # 绿色通道 not smaller
    assert guide.priority_button.font().pointSize() >= guide.take_button.font().pointSize()
    assert guide.materials.font().pointSize() >= 36 and guide.name.font().pointSize() >= 50
    guide.back_button.click()
    home.checkin.click()
    qtbot.wait(50)
    screen = kiosk.checkin
    assert screen.title.font().pointSize() >= 44
    for typed in (*screen.keypad.keys, screen.submit_button, screen.back_button, screen.edit):
        assert on_screen(kiosk, typed), typed.objectName()
    assert all(k.font().pointSize() >= 34 for k in screen.keypad.keys)
    screen.back_button.click()
    home.buttons["social"].click()
    guide.priority_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    confirm = kiosk.confirm
    assert confirm.service.font().pointSize() >= 48 and confirm.go_to.font().pointSize() >= 42
    for shown in (confirm.number, confirm.priority, confirm.go_to, confirm.ahead, confirm.done):
        assert on_screen(kiosk, shown), shown.text()
    assert tickets(server)[0]["priority_reason"] == "green"


def test_the_grid_is_painted_at_once_after_a_switch(qtbot: QtBot, server: LiveServer,
                                                    make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    for switch in (kiosk.home.elderly_switch, kiosk.home.language, kiosk.home.elderly_switch,
                   kiosk.home.language):
        switch.click()  # no event loop turn between the tap and the look
        buttons = list(kiosk.home.buttons.values())
        assert len(buttons) == 11 and all(b.isVisible() and b.width() > 100 for b in buttons)
        picture = kiosk.grab().toImage()
        centre = buttons[0].mapTo(kiosk, buttons[0].rect().center())
        assert picture.pixelColor(centre).name() != "#f3f6fa"  # a button, not the background
