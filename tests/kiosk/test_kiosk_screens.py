"""Appointment check-in (on-screen keys and a scanner that types), offline, idle return,
the English switch and the elderly mode."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hallq.client.probe import visible_texts
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import LiveServer, live_server


def book(server: LiveServer, code: str, start_in_minutes: int) -> None:
    start = datetime.now().astimezone() + timedelta(minutes=start_in_minutes)
    with server.http() as http:
        http.post("/api/appointments", json={
            "service": "estate", "code": code, "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(minutes=30)).isoformat(),
            "citizen_id": "110101199003071234"}).raise_for_status()


def test_scanner_typing_on_the_home_screen_checks_in(qtbot: QtBot, server: LiveServer,
                                                     make_kiosk: MakeKiosk) -> None:
    book(server, "K7M2P9QX", -5)
    kiosk = make_kiosk(server.url)
    QTest.keyClicks(kiosk, "k7m2p9qx")  # the scanner types while home shows
    assert kiosk.stack.currentWidget() is kiosk.checkin
    assert kiosk.checkin.edit.text() == "k7m2p9qx"
    QTest.keyClick(kiosk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.number.text() == "B001" and kiosk.confirm.priority.isVisible()
    [ticket] = tickets(server)
    assert ticket["appointment"] == "K7M2P9QX" and ticket["priority_reason"] == "appointment"
    assert not any("1234" in t for t in visible_texts(kiosk))  # no ID number on screen


def test_checkin_with_on_screen_keys_and_its_errors(qtbot: QtBot, server: LiveServer,
                                                    make_kiosk: MakeKiosk) -> None:
    book(server, "ABCD2345", -5)
    book(server, "LATE2345", 120)
    kiosk = make_kiosk(server.url)
    kiosk.home.checkin.click()
    screen = kiosk.checkin
    assert kiosk.stack.currentWidget() is screen

    def enter(code: str) -> None:
        screen.keypad.pressed.emit("\x18")
        for key in code:
            next(k for k in screen.keypad.keys if k.text() == key).click()
        screen.submit_button.click()

    enter("ZZZZ9999")
    qtbot.waitUntil(lambda: screen.message.text() == "没有找到这个预约码", timeout=5000)
    enter("LATE2345")  # too early: it says when check-in opens (30 minutes before the slot)
    now = datetime.now(ZoneInfo("Asia/Shanghai"))  # the hall's clock, whatever the PC's
    opens = [now + timedelta(minutes=90 + m) for m in (0, 1)]  # (a minute may turn meanwhile)
    said = {f"还未到预约签到时间，{'明天 ' if o.date() > now.date() else ''}{o:%H:%M}起可以签到"
            for o in opens}  # after 22:30 in the hall, it opens tomorrow
    qtbot.waitUntil(lambda: screen.message.text().startswith("还未到"), timeout=5000)
    assert screen.message.text() in said
    enter("ABCD2345")
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    kiosk.go_home()
    kiosk.open_checkin()
    screen.edit.setText("ABCD2345")
    QTest.keyClick(screen.edit, Qt.Key.Key_Return)  # a scanner typing into the focused field
    qtbot.waitUntil(lambda: screen.message.text() == "该预约已签到，您的号码是B001",
                    timeout=5000)  # the number it got
    assert len(tickets(server)) == 1


def test_server_gone_shows_offline_and_disables_services(qtbot: QtBot, tmp_path: Path,
                                                         make_kiosk: MakeKiosk) -> None:
    with live_server(tmp_path / "gone.db") as server:
        kiosk = make_kiosk(server.url)
        assert not kiosk.offline.isVisible() and kiosk.home.buttons["biz"].isEnabled()
        kiosk.home.buttons["biz"].click()
    qtbot.waitUntil(lambda: kiosk.offline.isVisible(), timeout=5000)
    assert kiosk.offline.text() == "暂时无法连接排队服务器，请稍候或联系工作人员"
    assert kiosk.offline.property("role") == "offline"
    assert not kiosk.guide.take_button.isEnabled()
    assert not kiosk.home.buttons["biz"].isEnabled()


def test_idle_kiosk_returns_home(qtbot: QtBot, server: LiveServer,
                                 make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url, idle_seconds=0.3)
    kiosk.home.buttons["biz"].click()
    assert kiosk.stack.currentWidget() is kiosk.guide
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=3000)
    kiosk.home.checkin.click()
    QTest.keyClicks(kiosk.checkin.edit, "AB12")
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=3000)
    kiosk.open_checkin()
    assert kiosk.checkin.edit.text() == ""  # the next citizen does not see the last code
    kiosk.go_home()
    QTest.mouseClick(kiosk.home.language, Qt.MouseButton.LeftButton)  # real touches
    QTest.mouseClick(kiosk.home.elderly_switch, Qt.MouseButton.LeftButton)
    assert kiosk.home.checkin.text() == "Appointment check-in"
    qtbot.waitUntil(lambda: kiosk.home.checkin.text() == "预约签到", timeout=3000)
    assert not kiosk.home.elderly and kiosk.home.cards


def test_confirmation_returns_home_by_itself(qtbot: QtBot, server: LiveServer,
                                             make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url, confirm_seconds=1)
    kiosk.home.buttons["fund"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.countdown.text() == "1 秒后返回首页"
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=3000)


def test_english_switch(qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    kiosk.home.language.click()
    assert kiosk.home.buttons["biz"].text().startswith("Business Registration\n0 waiting")
    assert kiosk.home.checkin.text() == "Appointment check-in"
    assert kiosk.home.hall.text() == "Example County Government Service Center"
    titles = [card.title.text() for card in kiosk.home.cards]
    assert titles[0] == "Market Regulation" and "税务局" not in titles
    kiosk.home.buttons["biz"].click()
    assert kiosk.guide.take_button.text() == "Take a ticket"
    assert kiosk.guide.department.text() == "Market Regulation"
    assert kiosk.guide.facts["windows"].text() == "Windows 1, 2, 3, 4"
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.service.text() == "Business Registration"
    assert kiosk.confirm.go_to.text() == "Please go to Windows 1, 2, 3, 4"
    kiosk.go_home()
    kiosk.home.language.click()
    assert kiosk.home.buttons["biz"].text().startswith("企业开办\n")
    assert kiosk.home.cards[0].title.text() == "市场监督管理局"
    assert kiosk.home.language.text() == "English"


def test_elderly_mode_big_services_only(qtbot: QtBot, server: LiveServer,
                                        make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    standard = kiosk.home.buttons["biz"].sizeHint().height()
    assert kiosk.home.cards and kiosk.home.checkin.isVisible()
    kiosk.home.elderly_switch.click()
    assert kiosk.home.elderly_switch.text() == "退出长者模式"
    assert kiosk.home.checkin.isVisible() and kiosk.home.cards == []  # check-in stays (issue 13)
    assert len(kiosk.home.buttons) == 11
    assert kiosk.home.buttons["biz"].sizeHint().height() > standard
    assert kiosk.home.buttons["biz"].name_pt > 30
    kiosk.home.buttons["biz"].click()
    assert kiosk.guide.materials.font().pointSize() > 26  # the guide is larger too
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    kiosk.home.elderly_switch.click()
    assert kiosk.home.checkin.isHidden() is False and len(kiosk.home.cards) == 10
