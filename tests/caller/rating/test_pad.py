"""The rating pad against the real server: what the citizen sees and what the server keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent, QPixmap
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from hallq.caller.rating.pad import RatingPad
from tests.caller.rating.conftest import MakePad, shows
from tests.hall_steps import (
    daily,
    follow_ups,
    open_window,
    rating_of,
    serve_one,
)
from tests.live_server import WINDOWS, LiveServer, free_port, live_server

LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}


def button(pad: RatingPad, text: str) -> QPushButton:
    found = [b for b in pad.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert found, f"no visible button {text!r}"
    return found[0]


def tap(qtbot: QtBot, pad: RatingPad, text: str) -> None:
    qtbot.mouseClick(button(pad, text), Qt.MouseButton.LeftButton)


def wait_shows(qtbot: QtBot, pad: RatingPad, text: str) -> None:
    qtbot.waitUntil(lambda: shows(pad, text), timeout=5000)


def test_window_shows_who_serves_and_what(qtbot: QtBot, server: LiveServer,
                                          make_pad: MakePad) -> None:
    pad = make_pad()
    wait_shows(qtbot, pad, "窗口未开放")
    assert shows(pad, "暂停服务") and shows(pad, "3号窗口") and not shows(pad, "张敏")
    open_window(server)
    wait_shows(qtbot, pad, "张敏")
    assert shows(pad, "工号：ZW003") and shows(pad, "3号窗口")
    avatar = pad.window_screen.avatar
    assert avatar.isVisible() and not avatar.is_photo and not avatar.pixmap().isNull()
    serve_one(server, finish=False)
    wait_shows(qtbot, pad, "正在办理：企业开办")
    with server.http(WINDOWS) as clerk:
        clerk.post("/api/windows/3/skip").raise_for_status()  # missed: nothing to rate
        clerk.post("/api/windows/3/pause", json={"reason": "会议"}).raise_for_status()
        wait_shows(qtbot, pad, "原因：会议")
        assert shows(pad, "暂停服务") and not avatar.isVisible()
        clerk.post("/api/windows/3/resume").raise_for_status()
        wait_shows(qtbot, pad, "张敏")
        clerk.post("/api/windows/3/logout").raise_for_status()
    wait_shows(qtbot, pad, "窗口未开放")
    assert not shows(pad, "张敏")


def test_the_clerks_photo_comes_from_the_folder(qtbot: QtBot, server: LiveServer,
                                                make_pad: MakePad, tmp_path: Path) -> None:
    photo = QPixmap(300, 400)
    photo.fill(QColor("#336699"))
    assert photo.save(str(tmp_path / "c03.jpg"))
    (tmp_path / "c02.png").write_bytes(b"not an image")  # never a broken image
    pad = make_pad(photos=tmp_path)
    open_window(server)
    wait_shows(qtbot, pad, "张敏")
    assert pad.window_screen.avatar.is_photo
    with server.http(WINDOWS) as clerk:
        clerk.post("/api/windows/3/logout").raise_for_status()
    server.login("3", "c02", "2345")
    wait_shows(qtbot, pad, "李强")
    assert not pad.window_screen.avatar.is_photo
    assert not pad.window_screen.avatar.pixmap().isNull()


def test_each_level_records_its_score(qtbot: QtBot, server: LiveServer,
                                      make_pad: MakePad) -> None:
    pad = make_pad()
    open_window(server)
    wait_shows(qtbot, pad, "张敏")
    assert not shows(pad, "非常满意")
    for score, level in LEVELS.items():
        ticket = serve_one(server)
        wait_shows(qtbot, pad, f"{ticket['number']}号 · 企业开办")
        assert shows(pad, "请对本次服务进行评价") and shows(pad, "服务人员：张敏（ZW003）")
        tap(qtbot, pad, level)
        if score <= 2:
            tap(qtbot, pad, "其他")
            tap(qtbot, pad, "提交评价")
        wait_shows(qtbot, pad, "谢谢您的评价")
        assert shows(pad, f"您的评价：{level}")
        rating = rating_of(server, ticket["id"])
        assert rating is not None and rating["score"] == score and rating["channel"] == "pad"
    assert daily(server)["ratings"] == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1}


def test_a_bad_rating_needs_a_reason_and_sends_reasons_and_comment(
        qtbot: QtBot, server: LiveServer, make_pad: MakePad) -> None:
    pad = make_pad(thanks_s=0.2)
    open_window(server)
    ticket = serve_one(server)
    wait_shows(qtbot, pad, "非常不满意")
    tap(qtbot, pad, "非常不满意")
    wait_shows(qtbot, pad, "请选择不满意的原因")
    assert not button(pad, "提交评价").isEnabled()
    assert not shows(pad, "请至少选择一项原因")  # not before the citizen touched anything
    greyed = button(pad, "提交评价")  # a tap on it reaches the screen behind it
    qtbot.mouseClick(pad.reasons, Qt.MouseButton.LeftButton,
                     pos=greyed.mapTo(pad.reasons, greyed.rect().center()))
    assert shows(pad, "请至少选择一项原因")
    tap(qtbot, pad, "重新选择")  # back to the five levels, then bad again
    tap(qtbot, pad, "不满意")
    for reason in ("等候时间长", "其他", "服务态度差", "服务态度差"):  # the last one un-ticks
        tap(qtbot, pad, reason)
    assert button(pad, "提交评价").isEnabled() and not shows(pad, "请至少选择一项原因")
    qtbot.mouseClick(pad.reasons.comment, Qt.MouseButton.LeftButton)
    typed = QInputMethodEvent()  # how Chinese arrives from an input method
    typed.setCommitString("叫号太慢")
    QApplication.sendEvent(pad.reasons.comment, typed)
    tap(qtbot, pad, "提交评价")
    wait_shows(qtbot, pad, "谢谢您的评价")
    wait_shows(qtbot, pad, "张敏")  # back to the window screen after the thanks
    rating = rating_of(server, ticket["id"])
    assert rating is not None and rating["score"] == 2
    assert rating["reasons"] == ["等候时间长", "其他"] and rating["comment"] == "叫号太慢"
    listed = follow_ups(server)
    assert [f["ticket_id"] for f in listed] == [ticket["id"]] and listed[0]["follow_up_due"]


def test_no_rating_in_time_leaves_the_ticket_unrated(qtbot: QtBot, server: LiveServer,
                                                     make_pad: MakePad) -> None:
    pad = make_pad(timeout_s=1.0)
    open_window(server)
    finished = serve_one(server)
    wait_shows(qtbot, pad, f"{finished['number']}号")
    serve_one(server, finish=False)  # the next citizen is called: still asking for the first
    qtbot.wait(300)
    assert shows(pad, f"{finished['number']}号 · 企业开办") and shows(pad, "非常满意")
    qtbot.waitUntil(lambda: not shows(pad, "非常满意"), timeout=5000)
    assert shows(pad, "张敏") and shows(pad, "正在办理：企业开办")
    assert rating_of(server, finished["id"]) is None
    assert sum(daily(server)["ratings"].values()) == 0


def test_already_rated_is_said_plainly(qtbot: QtBot, server: LiveServer,
                                       make_pad: MakePad) -> None:
    pad = make_pad()
    open_window(server)
    first = serve_one(server)
    wait_shows(qtbot, pad, f"{first['number']}号")
    with server.http(WINDOWS) as phone:  # rated meanwhile elsewhere, before the tap lands
        phone.post(f"/api/tickets/{first['id']}/rating",
                   json={"score": 4, "channel": "qr"}).raise_for_status()
    button(pad, "基本满意").click()  # at once: the pad has not heard of that rating yet
    wait_shows(qtbot, pad, "该号已经评价过了")
    assert rating_of(server, first["id"])["score"] == 4  # type: ignore[index]
    second = serve_one(server)  # rated from a phone while the pad asks: the pad says so
    wait_shows(qtbot, pad, f"{second['number']}号")
    with server.http(WINDOWS) as phone:
        phone.post(f"/api/tickets/{second['id']}/rating",
                   json={"score": 5, "channel": "qr"}).raise_for_status()
    wait_shows(qtbot, pad, "该号已经评价过了")
    assert not shows(pad, "非常满意")


def test_offline_banner_and_a_rating_that_could_not_be_sent(
        qtbot: QtBot, tmp_path: Path, make_pad: MakePad) -> None:
    port = free_port()
    pad = make_pad(url=f"http://127.0.0.1:{port}")
    qtbot.waitUntil(lambda: pad.offline.isVisible(), timeout=5000)
    assert shows(pad, "暂时无法连接排队服务器")
    with live_server(tmp_path / "h.db", port=port) as hall:
        qtbot.waitUntil(lambda: not pad.offline.isVisible(), timeout=5000)
        open_window(hall)
        ticket = serve_one(hall)
        wait_shows(qtbot, pad, f"{ticket['number']}号")
    qtbot.waitUntil(lambda: pad.offline.isVisible(), timeout=8000)
    tap(qtbot, pad, "满意")
    qtbot.waitUntil(lambda: pad.ask.error.text() != "", timeout=8000)
    assert "暂时无法连接排队服务器" in pad.ask.error.text()
    assert button(pad, "满意").isEnabled()  # still asking: the citizen may try again


def test_english_on_the_switch(qtbot: QtBot, server: LiveServer, make_pad: MakePad) -> None:
    pad = make_pad()
    open_window(server)
    serve_one(server)
    wait_shows(qtbot, pad, "非常满意")
    tap(qtbot, pad, "English")
    assert shows(pad, "Very satisfied") and shows(pad, "Please rate this service")
    assert not shows(pad, "非常满意")
    tap(qtbot, pad, "中文")
    assert shows(pad, "非常满意")


def test_a_pad_for_a_window_the_hall_does_not_have_says_so(qtbot: QtBot,
                                                            make_pad: MakePad) -> None:
    pad = make_pad(window="99")
    wait_shows(qtbot, pad, "本大厅没有窗口“99”")
