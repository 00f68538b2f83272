"""The phone rating page in a real (headless) Chromium: no JavaScript needed, the form works."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hall_steps import open_window, rating_of, serve_one, token_of
from tests.live_server import LiveServer
from tests.server.console.browser import mark_page, wait_replaced

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(DRIVER)) is None,
    reason="needs the Debian packages chromium and chromium-driver "
           "(scripts/debian-packages-test.txt)")


def phone_browser(profile: Path, width: int = 390, height: int = 844,
                  offline: bool = False) -> Any:
    """Headless Chromium of a phone's size; never downloads anything (no Selenium Manager).
    ``offline``: no host name resolves, as on a hall's LAN without internet."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if offline:
        options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
    options.add_experimental_option("mobileEmulation", {  # a phone's viewport, not a window's
        "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": True}})
    return webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)


def submit(browser: Any) -> None:
    """Tap the submit button and wait until the answer page has replaced the form."""
    from selenium.webdriver.common.by import By

    mark_page(browser)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_replaced(browser)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = phone_browser(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.slow  # headless Chromium: ~4.5 s here
def test_a_citizen_rates_from_the_phone(server: LiveServer, browser: Any,
                                        tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    open_window(server)
    ticket = serve_one(server)
    browser.get(f"{server.url}/t/{token_of(ticket)}")
    assert "已办结" in browser.page_source
    mark_page(browser)
    browser.find_element(By.LINK_TEXT, "评价本次服务").click()
    wait_replaced(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "评价本次服务"
    assert browser.execute_script("return document.scripts.length") == 0
    labels = {e.text: e for e in browser.find_elements(By.CSS_SELECTOR, "label.opt")}
    assert labels["非常满意"].size["height"] >= 48  # a comfortable tap target on a phone
    labels["不满意"].click()
    submit(browser)
    assert "请至少选择一个原因" in browser.page_source  # the choice is kept for the retry
    assert browser.find_element(By.CSS_SELECTOR, "input[value='2']").is_selected()
    labels = {e.text: e for e in browser.find_elements(By.CSS_SELECTOR, "label.opt")}
    labels["办事效率低"].click()
    labels["一次性告知不清"].click()
    browser.find_element(By.NAME, "comment").send_keys("材料清单没说清楚")
    browser.save_screenshot(str(tmp_path / "rating-mobile.png"))
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "谢谢您的评价"
    rating = rating_of(server, ticket["id"])
    assert rating is not None and rating["score"] == 2 and rating["channel"] == "qr"
    assert rating["reasons"] == ["办事效率低", "一次性告知不清"]
    assert rating["comment"] == "材料清单没说清楚" and rating["follow_up"] == "open"
    browser.get(f"{server.url}/t/{token_of(ticket)}/rate")  # one rating per ticket
    assert browser.find_element(By.TAG_NAME, "h1").text == "已评价"
    browser.get(f"{server.url}/t/{token_of(ticket)}")
    assert not browser.find_elements(By.LINK_TEXT, "评价本次服务")
    assert (tmp_path / "rating-mobile.png").stat().st_size > 1000
