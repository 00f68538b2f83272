"""The configuration pages in headless Chromium: an admin changes the notice and the TV display
shows it in the same test; an admin adds a device and revokes it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from tests.display.tv.helpers import display
from tests.live_server import LiveServer
from tests.server.api.test_rating_page_browser import CHROMIUM, DRIVER, phone_browser
from tests.server.console.browser import mark_page, wait_replaced
from tests.server.console.consolefix import PASSWORDS, add_users

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(DRIVER)) is None,
    reason="needs the Debian packages chromium and chromium-driver")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = phone_browser(tmp_path / "profile", width=1280, height=900)
    try:
        yield driver
    finally:
        driver.quit()


def submit(browser: Any, form: str) -> None:
    from selenium.webdriver.common.by import By

    mark_page(browser)
    browser.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
    wait_replaced(browser)


def log_in(browser: Any, server: LiveServer) -> None:
    from selenium.webdriver.common.by import By

    add_users(server.server)
    browser.get(f"{server.url}/console/login?next=/console/config")
    browser.find_element(By.NAME, "username").send_keys("boss")
    browser.find_element(By.NAME, "password").send_keys(PASSWORDS["boss"])
    submit(browser, "form.login")


@pytest.mark.slow  # headless Chromium and a TV display
def test_the_notice_changed_in_the_console_shows_on_the_tv(
        qtbot: QtBot, server: LiveServer, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    with display(qtbot, server.url) as tv:
        assert tv.ticker.text.startswith("请带齐材料")
        log_in(browser, server)
        notice = browser.find_element(By.NAME, "notice")
        notice.clear()
        notice.send_keys("今天下午停电检修，暂停办理不动产登记")
        submit(browser, "form[action='/console/config/hall']")
        assert "已保存" in browser.page_source
        qtbot.waitUntil(lambda: tv.ticker.text == "今天下午停电检修，暂停办理不动产登记",
                        timeout=5000)


def issue(server: LiveServer, token: str) -> int:
    return httpx.post(f"{server.url}/api/tickets", json={"service": "biz"},
                      headers={"Authorization": f"Bearer {token}"}).status_code


@pytest.mark.slow  # headless Chromium
def test_a_device_added_and_revoked_in_the_console(server: LiveServer, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    log_in(browser, server)
    browser.get(f"{server.url}/console/config/devices")
    browser.find_element(By.NAME, "id").send_keys("kiosk-2")
    Select(browser.find_element(By.NAME, "kind")).select_by_visible_text("kiosk")
    submit(browser, "form[action='/console/config/devices']")
    token = browser.find_element(By.ID, "new-token").text
    assert issue(server, token) == 201
    submit(browser, "tr[data-device='kiosk-2'] form")
    assert "已吊销" in browser.page_source
    assert "kiosk-2" not in browser.find_element(By.ID, "devices").text
    assert issue(server, token) == 401
