"""Issue 13 at the caller pad, as a clerk meets it: the 工号 logs in, the PIN can be changed,
F1 says it finishes, a no-show can be undone, lists say enough to choose, greyed buttons say
why."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.caller.pad.conftest import Pad


def current_number(pad: Pad) -> str:
    return pad.window.work.ticket.number.text()


def shot(pad: Pad, name: str) -> None:
    """A screenshot for the issue when $HALLQ_SHOT_DIR is set (viewed by hand)."""
    folder = os.environ.get("HALLQ_SHOT_DIR")
    if folder:
        pad.window.grab().save(str(Path(folder) / f"pad-{name}.png"))


def test_the_job_number_on_the_badge_logs_in(pad: Pad) -> None:
    assert pad.window.login.clerk.placeholderText() == "工号（如 ZW003）"
    shot(pad, "login")
    pad.log_in("zw003", "3456")
    pad.shows("张敏（ZW003）")


def test_f1_while_serving_says_it_finishes(clerk_pad: Pad) -> None:
    pad = clerk_pad
    first, _ = pad.issue("biz", "biz")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A001")
    pad.shows("办结并叫号 F1")  # the button says what F1 will do
    pad.key(Qt.Key.Key_F1)
    pad.shows("A001 已办结，已呼叫 A002")
    assert pad.get(f"/api/tickets/{first['id']}")["status"] == "done"
    pad.key(Qt.Key.Key_F1)
    pad.shows("A002 已办结；当前没有等候的号")
    pad.shows("叫号 F1")


def test_a_no_show_can_be_undone(clerk_pad: Pad) -> None:
    pad = clerk_pad
    ticket, = pad.issue("social")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "C001")
    pad.key(Qt.Key.Key_F3)
    pad.shows("C001 已过号")
    pad.qtbot.waitUntil(lambda: pad.window.undo.isVisible())
    assert pad.window.undo.text() == "撤销过号 C001"
    pad.key(Qt.Key.Key_F7)
    pad.qtbot.waitUntil(lambda: len(pad.window.work.missed.choices) == 1)
    shot(pad, "missed")
    pad.key(Qt.Key.Key_Escape)
    pad.window.undo.click()
    pad.shows("已撤销过号，C001 回到本窗口办理")
    pad.qtbot.waitUntil(lambda: current_number(pad) == "C001")
    got = pad.get(f"/api/tickets/{ticket['id']}")
    assert got["status"] == "called" and got["window"] == "3"
    assert not pad.window.undo.isVisible()


def test_call_number_takes_c1_for_c001(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.issue("social", "social")
    pad.key(Qt.Key.Key_F6)
    pad.type("c2")
    pad.key(Qt.Key.Key_Return)
    pad.shows("已呼叫 C002")
    assert current_number(pad) == "C002"


def test_the_transfer_list_beyond_nine_and_its_open_windows(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.server.login("1", "c01", "1234")  # windows 1 and 5 open too
    pad.server.login("5", "c05", "5678")
    ticket, = pad.issue("biz")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A001")
    pad.key(Qt.Key.Key_F5)
    labels = [b.full for _, b in pad.window.work.services.choices]  # type: ignore[attr-defined]
    assert len(labels) == 10, labels
    assert labels[:2] == ["1  不动产登记 开放：5号窗口", "2  社保医保 开放：1、3号窗口"]
    assert any(label.startswith("10  ") and "暂无开放窗口" in label for label in labels)
    pad.type("1")
    pad.shows("已输入 1，再按一位数字或 Enter")  # 1 could begin 10: it waits
    shot(pad, "transfer")
    pad.type("0")
    tenth = pad.window.work.services.choices[9][0]
    pad.qtbot.waitUntil(lambda: pad.get(f"/api/tickets/{ticket['id']}")["service"] == tenth)


def test_greyed_pause_and_log_out_say_why(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.issue("biz")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A001")
    why = "办理中不能暂停或退出：请先办结、过号或转移 A001"
    assert not pad.button("pause").isEnabled() and not pad.window.work.logout.isEnabled()
    pad.shows(why)  # under the buttons, for a touch that does nothing
    shot(pad, "serving")
    pad.key(Qt.Key.Key_F8)
    pad.qtbot.waitUntil(lambda: pad.window.status.text() == why)
    pad.key(Qt.Key.Key_F4)
    pad.qtbot.waitUntil(lambda: not pad.window.work.board.why.isVisible())


def test_a_clerk_changes_the_pin_on_the_pad(clerk_pad: Pad) -> None:
    pad = clerk_pad
    page = pad.window.work.pin
    pad.window.work.change_pin.click()
    pad.shows("张敏：修改登录密码")
    for field, text in zip(page.fields, ("3456", "8642", "8643"), strict=True):
        field.setText(text)
    page.ok.click()
    pad.shows("两次输入的新密码不一致")
    shot(pad, "pin")
    page.fields[2].setText("8642")
    page.ok.click()
    pad.shows("密码已修改，下次登录请使用新密码")
    assert pad.window.work.pages.currentWidget() is pad.window.work.board
    pad.key(Qt.Key.Key_F10)
    pad.qtbot.waitUntil(lambda: pad.window.stack.currentWidget() is pad.window.login)
    pad.log_in("ZW003", "3456")
    pad.qtbot.waitUntil(lambda: pad.window.login.message.text() == "工号或密码错误")
    pad.log_in("ZW003", "8642")
    pad.shows("张敏（ZW003）")
