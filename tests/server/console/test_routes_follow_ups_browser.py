"""The follow-ups page in headless Chromium: a supervisor sees the overdue one highlighted,
writes what was done and closes it; the note stays in its history under the user's name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import WINDOWS
from tests.server.console.browser import (
    browser_log_in,
    console_browser,
    needs_chromium,
    submit_form,
)
from tests.server.console.clockserver import ClockServer, clock_server, text_of
from tests.server.console.consolefix import PASSWORDS

pytestmark = [needs_chromium, pytest.mark.slow]  # headless Chromium and a server


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = console_browser(tmp_path / "profile", (1600, 900))
    try:
        yield driver
    finally:
        driver.quit()


def rate_badly(hall: ClockServer, reasons: list[str], comment: str) -> None:
    with hall.http(WINDOWS) as pad, hall.http() as admin:
        ticket = admin.post("/api/tickets", json={"service": "biz"}).json()
        pad.post("/api/windows/3/next").raise_for_status()
        pad.post("/api/windows/3/finish").raise_for_status()
        pad.post(f"/api/tickets/{ticket['id']}/rating", json={
            "score": 1, "reasons": reasons, "comment": comment}).raise_for_status()


def test_a_supervisor_closes_an_overdue_follow_up(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    with clock_server(tmp_path / "hall.db") as hall:
        hall.login("3", "c03", "3456")
        rate_badly(hall, ["服务态度差"], "工作人员一直在看手机")
        hall.clock.advance(days=16)  # past the 15 days of follow_up_days
        rate_badly(hall, ["等候时间长", "其他"], "")
        browser_log_in(browser, hall.url + "/console/follow-ups", "duty", PASSWORDS["duty"])
        rows = browser.find_elements(By.CSS_SELECTOR, "#follow-ups tbody tr")
        assert [r.get_attribute("class") for r in rows] == ["fu-open overdue", "fu-open"]
        assert "253, 236, 234" in rows[0].find_element(
            By.TAG_NAME, "td").value_of_css_property("background-color")  # highlighted
        assert "工作人员一直在看手机" in rows[0].text and "张敏" in rows[0].text
        browser.save_screenshot(str(tmp_path / "follow-ups.png"))
        form = rows[0].find_element(By.CSS_SELECTOR, "form.fu-form")
        form.find_element(By.NAME, "note").send_keys("已电话回访致歉，对该工作人员批评教育")
        Select(form.find_element(By.NAME, "status")).select_by_value("closed")
        submit_form(browser, form)
        assert "已记录 A001 的处理情况" in text_of(browser, ".flash.ok")
        closed = browser.find_element(By.CSS_SELECTOR, "#follow-ups tr.fu-closed")
        assert "已办结" in closed.text and "duty" in closed.text
        assert "已电话回访致歉" in closed.text and "overdue" not in closed.get_attribute("class")
        assert "已超期 0" in text_of(browser, ".tabs").replace("\n", " ")
        browser.save_screenshot(str(tmp_path / "follow-up-closed.png"))
        with hall.http() as admin:
            [done] = admin.get("/api/follow-ups", params={"state": "closed"}).json()
        assert done["notes"][-1]["who"] == "duty" and done["state"] == "closed"
