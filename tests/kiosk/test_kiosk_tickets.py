"""Taking tickets at the kiosk against a real server: ordinary, green channel (with and without
the guide's PIN), closed services; what the citizen sees and what the server then holds."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hallq.client.probe import visible_texts
from hallq.server.domain.secrets import hash_pin
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import HALL, LiveServer, live_server


def shows(window: object, text: str) -> bool:
    return any(text in t for t in visible_texts(window))  # type: ignore[arg-type]


def test_ordinary_ticket_is_printed_and_waits_on_the_server(
        qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    kiosk = make_kiosk(server.url)
    biz = kiosk.home.buttons["biz"]
    assert biz.isEnabled() and biz.text().startswith("企业开办")
    assert "等候 0 人" in biz.text()
    biz.click()
    assert kiosk.stack.currentWidget() is kiosk.guide
    assert "公司章程" in kiosk.guide.materials.text()
    assert "1、2、3、4号窗口" in kiosk.guide.facts["windows"].text()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.number.text() == "A001"
    assert kiosk.confirm.service.text() == "企业开办"
    assert kiosk.confirm.go_to.text() == "请到1、2、3、4号窗口办理"
    assert shows(kiosk, "A001") and not kiosk.confirm.priority.isVisible()
    [ticket] = tickets(server)
    assert (ticket["number"], ticket["status"], ticket["priority"]) == ("A001", "waiting", False)
    printed = (tmp_path / "tickets" / "ticket-A001.bin").read_bytes()
    assert "公司章程".encode("gb18030") in printed  # the guide's materials are on the slip
    qtbot.waitUntil(lambda: "等候 1 人" in kiosk.home.buttons["biz"].text(), timeout=5000)
    kiosk.confirm.done.click()
    assert kiosk.stack.currentWidget() is kiosk.home


def test_waiting_ahead_is_told(qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk) -> None:
    with server.http() as http:
        for _ in range(2):
            http.post("/api/tickets", json={"service": "tax"}).raise_for_status()
    kiosk = make_kiosk(server.url)
    qtbot.waitUntil(lambda: "等候 2 人" in kiosk.home.buttons["tax"].text(), timeout=5000)
    kiosk.home.buttons["tax"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.number.text() == "E003"
    assert kiosk.confirm.ahead.text() == "前面还有 2 人"
    assert kiosk.confirm.go_to.text() == "请到1、2、3、9、10号窗口办理"


def test_green_channel_ticket_is_priority(qtbot: QtBot, server: LiveServer,
                                          make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    kiosk.home.buttons["social"].click()
    kiosk.guide.priority_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert kiosk.confirm.priority.isVisible() and kiosk.confirm.priority.text() == "绿色通道"
    [ticket] = tickets(server)
    assert ticket["priority"] is True and ticket["priority_reason"] == "green"


def pin_hall(tmp_path: Path) -> Path:
    config = tmp_path / "hall.toml"
    config.write_text(HALL.read_text(encoding="utf-8").replace(
        "priority_needs_pin = false", "priority_needs_pin = true").replace(
        'guide_pin_hash = ""', f'guide_pin_hash = "{hash_pin("2580", iterations=1000)}"'),
        encoding="utf-8")
    return config


def test_kiosk_configured_for_pins_asks_before_the_server(
        qtbot: QtBot, tmp_path: Path, make_kiosk: MakeKiosk) -> None:
    with live_server(tmp_path / "pin.db", pin_hall(tmp_path)) as server:
        kiosk = make_kiosk(server.url, priority_needs_pin=True)
        kiosk.home.buttons["tax"].click()
        kiosk.guide.priority_button.click()
        assert kiosk.stack.currentWidget() is kiosk.pin  # at once: no request was needed
        assert kiosk.pin.message.text() == ""
        kiosk.pin.edit.setText("2580")
        kiosk.pin.submit_button.click()
        qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
        assert kiosk.confirm.number.text() == "E001" and kiosk.confirm.priority.isVisible()
        kiosk.go_home()
        kiosk.home.buttons["tax"].click()
        kiosk.guide.priority_button.click()
        kiosk.pin.back_button.click()  # the citizen changed their mind
        assert kiosk.stack.currentWidget() is kiosk.guide
        assert len(tickets(server)) == 1


def test_green_channel_asks_the_guides_pin(qtbot: QtBot, tmp_path: Path,
                                           make_kiosk: MakeKiosk) -> None:
    with live_server(tmp_path / "pin.db", pin_hall(tmp_path)) as server:
        kiosk = make_kiosk(server.url)  # this kiosk does not know the policy: the server says
        kiosk.home.buttons["biz"].click()
        kiosk.guide.priority_button.click()
        qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.pin, timeout=5000)
        for key in "1111":
            kiosk.pin.keypad.pressed.emit(key)
        kiosk.pin.submit_button.click()
        qtbot.waitUntil(lambda: kiosk.pin.message.text() == "确认码不正确，请重新输入",
                        timeout=5000)
        assert tickets(server) == []
        kiosk.pin.edit.clear()
        for key in "2580":
            kiosk.pin.keypad.pressed.emit(key)
        kiosk.pin.submit_button.click()
        qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
        [ticket] = tickets(server)
        assert ticket["priority"] is True
        assert kiosk.pin.edit.echoMode() == kiosk.pin.edit.EchoMode.Password


def test_full_service_is_greyed_and_cannot_be_taken(qtbot: QtBot, tmp_path: Path,
                                                    make_kiosk: MakeKiosk) -> None:
    config = tmp_path / "hall.toml"
    config.write_text(HALL.read_text(encoding="utf-8").replace(
        'prefix = "D"\n', 'prefix = "D"\ndaily_quota = 1\n'), encoding="utf-8")
    with live_server(tmp_path / "quota.db", config) as server:
        with server.http() as http:
            http.post("/api/tickets", json={"service": "fund"}).raise_for_status()
        kiosk = make_kiosk(server.url)
        fund = kiosk.home.buttons["fund"]
        qtbot.waitUntil(lambda: "今日号已取完" in fund.text(), timeout=5000)
        assert not fund.isEnabled()
        fund.click()
        kiosk.open_guide("fund")  # even asked directly, the guide of a full service stays shut
        assert kiosk.stack.currentWidget() is kiosk.home
        assert len(tickets(server)) == 1
        assert kiosk.home.buttons["biz"].isEnabled()
