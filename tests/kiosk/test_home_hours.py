"""A closed hall at the kiosk (issue 13): every service says when it opens again, its guide can
still be read (but no ticket taken), holidays and make-up days come from the config; and a
service no window is open for says so instead of "无需等候"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from tests.kiosk.conftest import MakeKiosk, tickets
from tests.live_server import HALL, LiveServer, live_server

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@pytest.fixture
def holiday_server(tmp_path: Path) -> Iterator[tuple[LiveServer, datetime]]:
    """The example hall with today and tomorrow off and the day after worked with Monday's
    hours (调休): so it opens at 08:30 the day after tomorrow, whatever today is."""
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    after = today + timedelta(days=2)
    text = HALL.read_text(encoding="utf-8")
    start, end = text.index("holidays = ["), text.index("# The ticket's status page")
    text = (text[:start] + f'holidays = ["{today}..{today + timedelta(days=1)}"]\n'
            f'make_up_days = ["{after} mon"]\n' + text[end:])
    config = tmp_path / "hall.toml"
    config.write_text(text, encoding="utf-8")
    with live_server(tmp_path / "closed.db", config, open_all_hours=False) as server:
        yield server, datetime.combine(after, datetime.min.time()).replace(hour=8, minute=30)


def test_a_closed_hall_says_when_it_opens_and_its_guides_can_be_read(
        qtbot: QtBot, holiday_server: tuple[LiveServer, datetime],
        make_kiosk: MakeKiosk) -> None:
    server, opens = holiday_server
    kiosk = make_kiosk(server.url)
    biz = kiosk.home.buttons["biz"]
    said = f"不在办理时间，{WEEKDAYS[opens.weekday()]} 08:30开始办理"
    qtbot.waitUntil(lambda: said in biz.text(), timeout=5000)
    assert all(said in b.text() for b in kiosk.home.buttons.values())
    assert biz.isEnabled() and biz.property("closed") is True  # greyed, but its guide opens
    biz.click()
    assert kiosk.stack.currentWidget() is kiosk.guide
    assert "公司章程" in kiosk.guide.materials.text()
    assert not kiosk.guide.take_button.isEnabled()
    assert not kiosk.guide.priority_button.isEnabled()
    assert kiosk.guide.message.text() == said
    kiosk.home.language.click()
    english = f"Closed now; opens {opens:%a} 08:30"
    assert kiosk.guide.message.text() == english
    assert "Articles of association" in kiosk.guide.materials.text()
    assert tickets(server) == []


def test_no_window_open_is_not_no_wait(qtbot: QtBot, server: LiveServer,
                                       make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(server.url)
    fund = kiosk.home.buttons["fund"]  # windows 1, 2, 3 and 8; nobody logged in yet
    qtbot.waitUntil(lambda: fund.text() == "公积金\n等候 0 人 · 暂无窗口办理", timeout=5000)
    assert "无需等候" not in fund.text() and "分钟" not in fund.text()
    server.login("8", "c07", "7890")
    kiosk.feed.fetch()
    qtbot.waitUntil(lambda: fund.text() == "公积金\n等候 0 人 · 无需等候", timeout=5000)
    kiosk.home.language.click()
    assert kiosk.home.buttons["estate"].text() == "Real Estate Registration\n0 waiting · " \
        "no window open now"
