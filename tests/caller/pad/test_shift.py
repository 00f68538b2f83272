"""Logging in and out, pausing with a reason, and staying logged in across a restart."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hallq.caller.pad.cli import configure, pause_reasons
from hallq.caller.pad.ui import FitButton
from tests.caller.pad.conftest import Pad, open_pad
from tests.live_server import HALL, LiveServer


def test_a_wrong_pin_is_refused_plainly_and_the_window_stays_closed(pad: Pad) -> None:
    assert pad.window.login.clerk.placeholderText().startswith("工号")
    assert "密码" in pad.window.login.pin.placeholderText()
    pad.log_in(pin="9999")
    pad.qtbot.waitUntil(lambda: pad.window.login.message.text() == "工号或密码错误")
    assert pad.window.login.pin.text() == ""  # typed again, not kept
    assert pad.window.status.text() == ""  # said once, on the card
    assert pad.window.stack.currentWidget() is pad.window.login
    assert pad.get("/api/windows/3")["status"] == "closed"


def test_logging_in_opens_the_window_and_logging_out_closes_it(pad: Pad) -> None:
    pad.log_in()
    pad.shows("3号窗口 张敏（ZW003）")  # the probe folds spaces
    pad.idle()
    window = pad.get("/api/windows/3")
    assert window["status"] == "open" and window["clerk"]["id"] == "c03"
    assert "服务中" in pad.texts()
    assert pad.button("next").isEnabled() and pad.button("next").text() == "叫号 F1"
    assert not pad.button("finish").isEnabled()  # nothing is being served
    assert not pad.button("recall").isEnabled()
    calls = [b.text() for b in pad.window.findChildren(type(pad.button("next")))
             if "叫号" in b.text()]
    assert calls == ["叫号 F1"]  # the only button that calls
    pad.key(Qt.Key.Key_F10)
    pad.qtbot.waitUntil(lambda: pad.window.stack.currentWidget() is pad.window.login)
    assert pad.get("/api/windows/3")["status"] == "closed"
    # the window's event on the stream may turn the page before the answer to the log-out
    # (which says so) arrives: wait for the words, not only the page
    pad.qtbot.waitUntil(lambda: "已退出登录" in pad.texts(), timeout=5000)


def test_the_pad_stays_logged_in_across_a_restart(qtbot: QtBot, server: LiveServer) -> None:
    server.login("3", "c03", "3456")
    pad = open_pad(qtbot, server)
    pad.shows("张敏（ZW003）")
    assert pad.window.stack.currentWidget() is pad.window.work
    pad.client.stop()


def test_pause_with_a_chosen_reason_then_resume(clerk_pad: Pad) -> None:
    pad = clerk_pad
    assert pause_reasons(HALL) == ["会议", "午休", "业务培训", "临时离开", "其他"]
    pad.key(Qt.Key.Key_F8)
    reasons = [b.text() for _, b in pad.window.work.reasons.choices]
    assert reasons == ["1  会议", "2  午休", "3  业务培训", "4  临时离开", "5  其他"]
    pad.window.work.reasons.choices[1][1].click()
    pad.shows("暂停：午休")
    pad.idle()
    window = pad.get("/api/windows/3")
    assert window["status"] == "paused" and window["pause_reason"] == "午休"
    assert pad.button("pause").text() == "继续服务 F8"
    assert not pad.button("next").isEnabled()  # the break ends on purpose, not by a stray key
    pad.key(Qt.Key.Key_F8)
    pad.shows("服务中")
    pad.idle()
    assert pad.get("/api/windows/3")["status"] == "open"
    assert pad.button("pause").text() == "暂停 F8"
    # the break is on the record: the window's pause time is in today's figures
    today = pad.get("/api/windows/3/today")
    assert today["window"]["paused_s"] is not None


def test_pause_by_keyboard_uses_the_reason_numbers(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.key(Qt.Key.Key_F8)
    pad.type("1")
    pad.shows("暂停：会议")
    assert pad.get("/api/windows/3")["pause_reason"] == "会议"


def test_english_on_request(qtbot: QtBot, server: LiveServer) -> None:
    pad = open_pad(qtbot, server, "en")
    assert pad.window.login.button.text() == "Log in"
    pad.log_in()
    pad.shows("Window 3")
    pad.idle()
    assert pad.button("next").text() == "Call next F1"
    pad.client.stop()


def test_the_pads_own_pause_reasons_must_be_the_halls(tmp_path: Path) -> None:
    config = tmp_path / "hall.toml"
    config.write_text('[policy]\npause_reasons = ["会议", "午休"]\n'
                      '[caller]\npause_reasons = ["午休"]\n', encoding="utf-8")
    assert pause_reasons(config) == ["午休"]
    config.write_text('[policy]\npause_reasons = ["会议"]\n'
                      '[caller]\npause_reasons = ["喝茶"]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"\[caller\] pause_reasons: 喝茶 not in"):
        pause_reasons(config)


def test_the_command_line(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    configure(parser)
    args = parser.parse_args(["--window", "3", "--server", "http://127.0.0.1:1",
                              "--windowed", "--language", "en"])
    assert (args.window, args.windowed, args.language) == ("3", True, "en")
    assert args._token_env == "HALLQ_WINDOW_TOKEN"


def test_long_english_service_names_fit_their_buttons(qtbot: QtBot, server: LiveServer) -> None:
    pad = open_pad(qtbot, server, "en")
    pad.log_in()
    pad.shows("Serving")
    pad.issue("general")
    pad.key(Qt.Key.Key_F1)
    pad.shows("General Services")
    pad.key(Qt.Key.Key_F5)
    choices = pad.window.work.services.choices
    buttons = [b for _, b in choices if isinstance(b, FitButton)]
    assert len(buttons) == len(choices)  # every choice fits its text
    qtbot.waitUntil(lambda: all(b.width() > 100 for b in buttons))
    water = next(b for b in buttons if "Water" in b.full)
    assert water.full == "9  Water, Power and Gas Connection (open: window 3)"
    for button in buttons:  # shown whole: smaller or on two lines, never cut off
        metrics = button.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
        assert widest <= button.width() - 48, button.text()
        assert button.font().pointSize() >= 11
    pad.client.stop()


def test_the_language_button_switches_every_word(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.issue("biz")
    pad.key(Qt.Key.Key_F1)
    pad.shows("企业开办")
    pad.window.language.click()
    pad.shows("Business Registration")  # the service of the ticket, in English too
    texts = pad.texts()
    for word in ("Call next F1", "Finish F4", "Waiting for this window", "Today", "Log out F10",
                 "Window 3 张敏 (ZW003)", "Serving", "中文"):
        assert word in texts, word
    assert not any(t in texts for t in ("叫号 F1", "今日工作量", "本窗口等候人数"))
    pad.window.language.click()
    pad.shows("叫号 F1")
    assert "今日工作量" in pad.texts() and "English" in pad.texts()
