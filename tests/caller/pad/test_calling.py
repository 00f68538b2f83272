"""Calling tickets through the pad's buttons and keys, checked on the pad and on the server."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.caller.pad.conftest import Pad


def current_number(pad: Pad) -> str:
    return pad.window.work.ticket.number.text()


def test_call_next_recall_and_finish(clerk_pad: Pad) -> None:
    pad = clerk_pad
    first, _ = pad.issue("biz", "tax")
    pad.shows("合计 2 人")  # waiting counts of this window's services, live
    pad.button("next").click()
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A001")
    assert "企业开办" in pad.texts()
    assert any(t.startswith("已办理 00:0") for t in pad.texts())  # the running timer
    ticket = pad.get(f"/api/tickets/{first['id']}")
    assert ticket["status"] == "called" and ticket["window"] == "3"
    pad.shows("合计 1 人")
    pad.idle()
    assert pad.button("finish").isEnabled() and not pad.button("pause").isEnabled()
    pad.key(Qt.Key.Key_F2)  # recall
    pad.shows("已重呼 A001")
    assert pad.get(f"/api/tickets/{first['id']}")["recalls"] == 1
    pad.key(Qt.Key.Key_F4)  # finish
    pad.shows("A001 已办结")
    assert pad.get(f"/api/tickets/{first['id']}")["status"] == "done"
    assert current_number(pad) == "—"
    assert not pad.button("finish").isEnabled()
    pad.shows("1 件")  # today's figures: one served
    report = pad.get("/api/reports/daily")
    assert report["served"] == 1 and report["by_clerk"]["c03"]["served"] == 1
    with pad.server.http("demo-window-token-3") as http:  # the citizen rates at the window
        http.post(f"/api/tickets/{first['id']}/rating", json={"score": 5}).raise_for_status()
    pad.shows("1 条 / 100%")  # today's ratings follow the rating event


def test_nothing_waiting_and_nothing_to_recall_are_said_plainly(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.key(Qt.Key.Key_F1)
    pad.shows("当前没有等候的号")
    assert pad.window.status.text() == "当前没有等候的号"
    pad.window.commands.recall()  # the button is disabled; the server's refusal still reads plainly
    pad.shows("当前没有正在办理的号")


def test_skip_then_restore_a_missed_ticket(clerk_pad: Pad) -> None:
    pad = clerk_pad
    ticket, = pad.issue("social")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "C001")
    pad.key(Qt.Key.Key_F3)  # skip: did not come
    pad.shows("C001 已过号")
    assert pad.get(f"/api/tickets/{ticket['id']}")["status"] == "missed"
    pad.qtbot.waitUntil(lambda: pad.button("restore").text() == "恢复过号(1) F7")
    pad.key(Qt.Key.Key_F7)
    skipped_at = pad.get(f"/api/tickets/{ticket['id']}")["finished_at"][11:16]
    assert [b.full for _, b in pad.window.work.missed.choices] == [  # type: ignore[attr-defined]
        f"1  C001 社保医保 {skipped_at}过号"]  # the service and when it was skipped
    pad.type("1")
    pad.shows("C001 已恢复等候")
    assert pad.get(f"/api/tickets/{ticket['id']}")["status"] == "waiting"
    pad.qtbot.waitUntil(lambda: pad.button("restore").text() == "恢复过号 F7")


def test_restore_by_typing_the_number(clerk_pad: Pad) -> None:
    pad = clerk_pad
    ticket, = pad.issue("fund")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "D001")
    pad.button("skip").click()
    pad.shows("D001 已过号")
    pad.qtbot.waitUntil(lambda: len(pad.session.missed) == 1)
    pad.key(Qt.Key.Key_F7)
    pad.window.work.type_missed.click()
    pad.type("d002")
    pad.key(Qt.Key.Key_Return)
    pad.shows("D002 不在今日本窗口的过号中")
    pad.key(Qt.Key.Key_F7)
    pad.type("d001")  # a letter on the missed list opens the number entry
    pad.key(Qt.Key.Key_Return)
    pad.shows("D001 已恢复等候")
    assert pad.get(f"/api/tickets/{ticket['id']}")["status"] == "waiting"


def test_call_a_given_number_typed_on_the_keys(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.issue("biz", "biz", "biz")
    pad.type("a003")  # typing a letter or digit starts a number
    assert pad.window.work.number.shown.text() == "A003"
    pad.key(Qt.Key.Key_Return)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A003")
    state = pad.get("/api/state")
    assert next(w for w in state["windows"] if w["id"] == "3")["current"]["number"] == "A003"


def test_call_a_given_number_on_the_on_screen_keypad(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.issue("tax", "tax")
    pad.button("call_number").click()
    page = pad.window.work.number
    letters = [b.text() for b in page.letter_buttons]
    assert letters == ["A", "C", "D", "E", "J", "K"]  # the prefixes this window serves
    page.letter_buttons[3].click()
    for digit in "009":
        next(b for b in page.findChildren(type(page.ok)) if b.text() == digit).click()
    page.delete.click()
    next(b for b in page.findChildren(type(page.ok)) if b.text() == "2").click()
    assert page.shown.text() == "E002"
    page.ok.click()
    pad.qtbot.waitUntil(lambda: current_number(pad) == "E002")
    pad.type("x9")
    pad.key(Qt.Key.Key_Return)
    pad.shows("没有找到该号")  # the server's refusal, in the clerk's words
    assert current_number(pad) == "E002"


def test_transfer_to_another_service(clerk_pad: Pad) -> None:
    pad = clerk_pad
    ticket, = pad.issue("general")
    pad.key(Qt.Key.Key_F1)
    pad.qtbot.waitUntil(lambda: current_number(pad) == "K001")
    pad.key(Qt.Key.Key_F5)
    choices = [b.text() for _, b in pad.window.work.services.choices]
    assert "综合受理" not in " ".join(choices) and len(choices) == 10
    estate = next(b for _, b in pad.window.work.services.choices if "不动产登记" in b.text())
    estate.click()
    pad.shows("K001 已转至不动产登记")
    moved = pad.get(f"/api/tickets/{ticket['id']}")
    assert moved["service"] == "estate" and moved["status"] == "waiting" and moved["priority"]
    assert current_number(pad) == "—"


def test_missed_list_is_for_this_window_only(clerk_pad: Pad) -> None:
    with clerk_pad.server.http("demo-window-token-3") as http:
        assert http.get("/api/windows/3/missed").json() == []
        assert http.get("/api/windows/4/missed").status_code == 403


def test_a_double_tap_calls_once_and_a_quick_second_press_waits_its_turn(clerk_pad: Pad) -> None:
    pad = clerk_pad
    first, second = pad.issue("biz", "biz")
    pad.button("next").click()
    pad.button("next").click()  # the same button again before the answer: a double tap
    pad.button("recall").click()  # not allowed yet (nothing served): ignored, not queued
    pad.qtbot.waitUntil(lambda: current_number(pad) == "A001")
    pad.button("recall").click()
    pad.button("finish").click()  # pressed while the recall is on its way: done after it
    pad.shows("A001 已办结")
    pad.idle()
    done = pad.get(f"/api/tickets/{first['id']}")
    assert done["status"] == "done" and done["recalls"] == 1
    assert pad.get(f"/api/tickets/{second['id']}")["status"] == "waiting"
