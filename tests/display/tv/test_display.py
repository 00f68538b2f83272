"""The TV display against a real server: what someone in the hall reads on it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.display.tv.options import DisplayOptions
from tests.display.tv.helpers import display, login, post, texts, tile, waiting
from tests.live_server import LiveServer


def test_a_call_shows_in_the_latest_calls_and_in_the_window_grid(
        qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1")
    post(server, "/api/tickets", {"service": "biz"})
    with display(qtbot, server.url) as window:
        assert window.newest.number.text() == "暂无叫号"
        post(server, "/api/windows/1/next")
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        assert window.newest.where.text() == "请到1号窗口办理"
        assert window.newest.flashing
        one = tile(window, "1号窗口")
        assert (one.big.text(), one.small.text()) == ("A001", "正在办理")
        assert "A001" in texts(window) and "示例县政务服务中心" in texts(window)
        assert window.ticker.text.startswith("请带齐材料")


def test_the_newest_call_is_highlighted_and_a_recall_shows_again(
        qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1", "2")
    for _ in range(2):
        post(server, "/api/tickets", {"service": "biz"})
    with display(qtbot, server.url, DisplayOptions(flash_s=1)) as window:
        post(server, "/api/windows/1/next")
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        post(server, "/api/windows/2/next")
        qtbot.waitUntil(lambda: window.newest.number.text() == "A002", timeout=5000)
        assert window.newest.caption.text() == "最新叫号" and window.newest.flashing
        first_row = window.recent.rows[0]
        assert (first_row[0].text(), first_row[1].text()) == ("A001", "1号窗口")
        qtbot.waitUntil(lambda: not window.newest.flashing, timeout=10000)
        assert window.newest.called  # still highlighted after the flash
        post(server, "/api/windows/1/recall")
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        assert window.newest.caption.text() == "再次呼叫" and window.newest.flashing
        assert window.recent.rows[0][0].text() == "A002"


def test_paused_and_closed_windows_say_so(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "5")
    with display(qtbot, server.url) as window:
        post(server, "/api/windows/5/pause", {"reason": "午休"})
        five = tile(window, "5号窗口")
        qtbot.waitUntil(lambda: five.big.text() == "暂停服务", timeout=5000)
        assert five.small.text() == "午休"
        assert tile(window, "4号窗口").big.text() == "未开放"
        assert any("暂停服务" in t for t in texts(window))
        post(server, "/api/windows/5/resume")
        qtbot.waitUntil(lambda: five.big.text() == "—", timeout=5000)
        assert five.small.text() == "等待叫号"


def test_waiting_counts_follow_the_tickets(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "4")
    with display(qtbot, server.url) as window:
        qtbot.waitUntil(lambda: waiting(window).get("企业开办") == "0 人", timeout=5000)
        assert len(waiting(window)) == 11 and waiting(window)["税务"] == "0 人"
        post(server, "/api/tickets", {"service": "biz"})
        post(server, "/api/tickets", {"service": "biz"})
        qtbot.waitUntil(lambda: waiting(window)["企业开办"] == "2 人", timeout=5000)
        post(server, "/api/windows/4/next")
        qtbot.waitUntil(lambda: waiting(window)["企业开办"] == "1 人", timeout=5000)


def test_english_on_the_switch(qtbot: QtBot, server: LiveServer) -> None:
    login(server, "1")
    post(server, "/api/tickets", {"service": "biz"})
    post(server, "/api/windows/1/next")
    with display(qtbot, server.url, language="en") as window:
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        assert window.newest.where.text() == "please go to Window 1"
        assert window.header.hall.text() == "Example County Government Service Center"
        assert "Business Registration" in waiting(window)
        assert tile(window, "Window 4").big.text() == "Closed"
