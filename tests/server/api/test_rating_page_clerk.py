"""The phone rating page names the clerk as the rating pad does, and its error reads plainly
(no stray "原因：" prefix) — in a real headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.hall_steps import open_window, serve_one, token_of
from tests.live_server import LiveServer
from tests.server.api.test_rating_page_browser import CHROMIUM, DRIVER, browser, submit

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() or not DRIVER.exists(),
                                reason="needs the Debian packages chromium and chromium-driver")
__all__ = ["browser"]  # the fixture


@pytest.mark.slow  # headless Chromium
def test_the_page_names_the_clerk_and_says_what_is_missing(server: LiveServer,
                                                           browser: Any) -> None:
    from selenium.webdriver.common.by import By

    open_window(server)  # 张敏, 工号 ZW003, at window 3
    ticket = serve_one(server)
    browser.get(f"{server.url}/t/{token_of(ticket)}/rate")
    assert browser.find_element(By.CSS_SELECTOR, "p.clerk").text == "服务人员：张敏（ZW003）"
    labels = {e.text: e for e in browser.find_elements(By.CSS_SELECTOR, "label.opt")}
    labels["不满意"].click()
    submit(browser)
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert alert == "选择“不满意”或“非常不满意”时，请至少选择一个原因。"
    shot = os.environ.get("HALLQ_SHOT_DIR")
    if shot:  # screenshots for the issue (viewed by hand)
        browser.save_screenshot(str(Path(shot) / "rating-mobile-error.png"))
