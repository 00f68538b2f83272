"""The live hall's alarms in headless Chromium: raised while the page is open (no reload),
highlighted, and gone when they clear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import KIOSK
from tests.server.console.browser import browser_log_in, console_browser, needs_chromium, wait_for
from tests.server.console.clockserver import ClockServer, clock_server, text_of
from tests.server.console.consolefix import PASSWORDS

pytestmark = [needs_chromium, pytest.mark.slow]  # headless Chromium and a server


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[ClockServer]:
    with clock_server(tmp_path / "hall.db") as server:
        yield server


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = console_browser(tmp_path / "profile", (1600, 1000))
    try:
        yield driver
    finally:
        driver.quit()


def alarms_shown(browser: Any) -> str:
    return text_of(browser, "#alarms .alarm")


def test_alarms_raise_and_clear_on_the_open_live_page(hall: ClockServer, browser: Any,
                                                      tmp_path: Path) -> None:
    browser_log_in(browser, hall.url + "/console", "duty", PASSWORDS["duty"])
    wait_for(browser, lambda b: b.execute_script(
        "return window.hallqLive && window.hallqLive.seq >= 0"))
    assert alarms_shown(browser) == ""
    assert not browser.find_element("id", "alarms").is_displayed()  # hidden while empty
    hall.login("2", "c02", "2345")
    with hall.http(KIOSK) as kiosk:
        kiosk.post("/api/tickets", json={"service": "biz"}).raise_for_status()
        kiosk.post("/api/devices/heartbeat", json={
            "app": "kiosk", "host": "kiosk-pc", "printer": "paper_out"}).raise_for_status()
    wait_for(browser, lambda b: "打印机缺纸" in alarms_shown(b))  # no reload: the stream
    hall.clock.advance(minutes=31)
    with hall.http(KIOSK) as kiosk:  # still out of paper, and still reporting
        kiosk.post("/api/devices/heartbeat", json={
            "app": "kiosk", "host": "kiosk-pc", "printer": "paper_out"}).raise_for_status()
    hall.server.service.watch.tick()  # what the server's timer does every two seconds
    wait_for(browser, lambda b: "等候超过30分钟" in alarms_shown(b))
    shown = alarms_shown(browser)
    assert "2号窗口空闲未叫号" in shown and "A001" in shown and "打印机缺纸" in shown
    assert "未报告" not in shown  # the kiosk kept reporting
    panel = browser.find_element("css selector", "#alarms .alarm-list")
    assert panel.is_displayed() and "198, 40, 40" in panel.value_of_css_property(
        "border-left-color")  # highlighted in the alarm colour
    browser.save_screenshot(str(tmp_path / "live-alarms.png"))
    with hall.http() as pad:
        pad.post("/api/windows/2/next").raise_for_status()  # the call clears the wait alarms
    wait_for(browser, lambda b: "等候" not in alarms_shown(b) and "空闲" not in alarms_shown(b))
    assert "打印机缺纸" in alarms_shown(browser)
    with hall.http(KIOSK) as kiosk:
        kiosk.post("/api/devices/heartbeat", json={
            "app": "kiosk", "host": "kiosk-pc", "printer": "ok"}).raise_for_status()
    wait_for(browser, lambda b: alarms_shown(b) == "")
    assert not browser.find_element("id", "alarms").is_displayed()
    browser.save_screenshot(str(tmp_path / "live-cleared.png"))
