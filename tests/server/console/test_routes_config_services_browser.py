"""A manager edits a service's guide (一次性告知) in the console, in headless Chromium against
a real server process, and the kiosk's service list carries it at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hallq.server.cli_users import add_account
from tests.server.console.browser import (
    LAPTOP,
    browser_log_in,
    console_browser,
    needs_chromium,
    submit_form,
    text_of,
    wait_for,
)
from tests.server.console.consolefix import PASSWORDS
from tests.server.realfix import KIOSK, RealServer

pytestmark = [needs_chromium, pytest.mark.slow]  # a server process and headless Chromium


def kiosk_guide(real: RealServer, code: str) -> dict[str, Any]:
    services = real.ok("GET", "/api/services", KIOSK)
    guide: dict[str, Any] = next(s for s in services if s["code"] == code)["guide"]
    return guide


def test_a_guide_edited_in_the_console_is_on_the_kiosk(real: RealServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    add_account(f"sqlite:///{real.db}", "boss", "admin", PASSWORDS["boss"])
    assert kiosk_guide(real, "fund")["time_limit"] == "即办"
    browser = console_browser(tmp_path / "profile", LAPTOP)
    try:
        browser_log_in(browser, f"{real.url}/console/config/services/fund", "boss",
                       PASSWORDS["boss"])
        wait_for(browser, lambda b: b.find_elements(By.NAME, "guide.materials"))  # logged in
        materials = browser.find_element(By.NAME, "guide.materials")
        materials.send_keys("\n婚姻状况证明")
        browser.find_element(By.NAME, "guide.materials_en").send_keys("\nProof of marital status")
        limit = browser.find_element(By.NAME, "guide.time_limit")
        limit.clear()
        limit.send_keys("1个工作日")
        notes = browser.find_element(By.NAME, "guide.notes")
        notes.send_keys("提取前请先在网上预约")
        submit_form(browser, browser.find_element(By.ID, "service-form"))
        assert "已保存" in text_of(browser, ".flash.ok")
        guide = kiosk_guide(real, "fund")
        assert guide["time_limit"] == "1个工作日" and guide["notes"] == "提取前请先在网上预约"
        assert guide["materials"][-1] == "婚姻状况证明"
        assert guide["materials_en"][-1] == "Proof of marital status"
        assert guide["time_limit_en"] == "While you wait"  # what was not touched stays
        browser.get(f"{real.url}/console/config/services/fund")
        prefix = browser.find_element(By.NAME, "prefix")
        prefix.clear()
        prefix.send_keys("d")
        submit_form(browser, browser.find_element(By.ID, "service-form"))
        assert "号码前缀" in text_of(browser, "label.field.bad .field-error")
        assert browser.find_element(By.NAME, "guide.notes").get_attribute("value") == \
            "提取前请先在网上预约"
    finally:
        browser.quit()
