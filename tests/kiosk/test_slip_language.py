"""The printed ticket (issue 13), decoded from the ESC/POS bytes the kiosk sent: in the
citizen's language, marked 绿色通道 or 预约 with the slot, a footer true to the hall's rule on
missed tickets, no stray spaces; its QR code opens the status page in that language. And a
service no window serves gets no ticket."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from tests.hardware.printer.escpos_tokens import qr_payloads, text_lines, tokenize
from tests.kiosk.conftest import MakeKiosk, tickets
from tests.kiosk.test_kiosk_screens import book
from tests.live_server import LiveServer


def printed(tmp_path: Path, number: str) -> tuple[list[str], str]:
    tokens = tokenize((tmp_path / "tickets" / f"ticket-{number}.bin").read_bytes())
    return [line.text for line in text_lines(tokens)], qr_payloads(tokens)[0].decode()


def take(qtbot: QtBot, kiosk: object, code: str, priority: bool = False) -> None:
    from hallq.kiosk.window import KioskWindow
    assert isinstance(kiosk, KioskWindow)
    kiosk.home.buttons[code].click()
    (kiosk.guide.priority_button if priority else kiosk.guide.take_button).click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    kiosk.go_home()


def test_chinese_tickets_say_green_channel_or_appointment_and_a_true_footer(
        qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    book(server, "SLOT2345", -5)
    kiosk = make_kiosk(server.url)
    take(qtbot, kiosk, "social", priority=True)
    lines, _ = printed(tmp_path, "C001")
    assert "【绿色通道】" in lines and "【优先】" not in lines
    assert "请留意叫号，到1、2、3、7号窗口办理" in lines  # no spaces around 1、2、3、7号窗口
    assert "请妥善保管本票，过号请到窗口恢复排队" in lines  # a clerk restores a missed ticket
    assert not any("过号请重新取号" in line for line in lines)
    kiosk.home.checkin.click()
    kiosk.checkin.edit.setText("SLOT2345")
    kiosk.checkin.submit_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.confirm, timeout=5000)
    assert re.fullmatch(r"预约号 \d\d:\d\d-\d\d:\d\d", kiosk.confirm.priority.text())
    lines, _ = printed(tmp_path, "B001")
    [mark] = [line for line in lines if line.startswith("【")]
    assert re.fullmatch(r"【预约 \d\d:\d\d-\d\d:\d\d】", mark), mark


def test_an_english_ticket_is_printed_in_english_and_its_pages_are_english(
        qtbot: QtBot, server: LiveServer, make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    kiosk = make_kiosk(server.url, language="en")
    take(qtbot, kiosk, "biz", priority=True)
    lines, qr = printed(tmp_path, "A001")
    text = " ".join(lines)
    assert "Example County Government Service Center" in text  # wrapped between words
    assert all(line[-1:] != "-" for line in lines if line.strip("-"))
    assert "Business Registration" in lines and "【Green channel】" in lines
    assert "0 ahead of you" in lines and "Watch for your call: go to Windows 1, 2, 3, 4" \
        in text
    assert "- Articles of association" in lines and "Scan to follow the queue" in lines
    assert all(len(line) <= 48 for line in lines)
    assert "Missed your call? Show this ticket at a window" in lines
    assert not re.search(r"[\u4e00-\u9fff]", text)  # not one Chinese character
    assert qr.endswith("?lang=en")
    page = httpx.get(server.url + qr[qr.index("/t/"):], timeout=5)
    assert 'lang="en"' in page.text and "Waiting" in page.text
    assert "0 ahead of you" in page.text and "Business Registration" in page.text


def test_a_service_no_window_serves_gets_no_ticket(qtbot: QtBot, server: LiveServer,
                                                   make_kiosk: MakeKiosk) -> None:
    """The config refuses it; a hall changed while running (live configuration) may still
    come to it: the server answers 409 and the kiosk says why."""
    hs = server.server.service
    hs.work.hall = replace(hs.hall, windows=tuple(
        replace(w, services=("household",)) if w.services == ("exit",) else w
        for w in hs.hall.windows))
    with server.http() as http:
        refused = http.post("/api/tickets", json={"service": "exit"})
    assert refused.status_code == 409 and refused.json()["code"] == "no_window"
    assert "出入境 (exit) is served by no window" in refused.json()["detail"]
    kiosk = make_kiosk(server.url)
    kiosk.home.buttons["exit"].click()
    kiosk.guide.take_button.click()
    qtbot.waitUntil(lambda: kiosk.guide.message.text() ==
                    "该业务暂无办理窗口，无法取号，请联系工作人员", timeout=5000)
    assert kiosk.stack.currentWidget() is kiosk.guide and tickets(server) == []
