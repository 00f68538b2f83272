"""A manager moves a window to other services in the console, in headless Chromium against a
real server process: the window then calls the new service's tickets and no longer the old
one's, while the tickets already waiting keep their numbers and their order."""

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
from tests.server.realfix import DISPLAY, KIOSK, PADS, RealServer

pytestmark = [needs_chromium, pytest.mark.slow]  # a server process and headless Chromium


def issue(real: RealServer, service: str) -> str:
    number: str = real.ok("POST", "/api/tickets", KIOSK, json={"service": service})["number"]
    return number


def call_next(real: RealServer, window: str) -> str | None:
    answer: dict[str, Any] = real.ok("POST", f"/api/windows/{window}/next", PADS)
    return answer["ticket"]["number"] if answer["ticket"] else None


def test_a_window_moved_to_other_services_calls_their_tickets(
        real: RealServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    add_account(f"sqlite:///{real.db}", "boss", "admin", PASSWORDS["boss"])
    taxes = [issue(real, "tax") for _ in range(3)]
    browser = console_browser(tmp_path / "profile", LAPTOP)
    try:
        browser_log_in(browser, f"{real.url}/console/config/windows/9", "boss",
                       PASSWORDS["boss"])
        wait_for(browser, lambda b: b.find_elements(By.NAME, "svc.tax"))  # the page, logged in
        tax = browser.find_element(By.NAME, "svc.tax")
        assert tax.is_selected()
        tax.click()
        browser.find_element(By.NAME, "svc.estate").click()
        browser.find_element(By.NAME, "svc.social").click()
        submit_form(browser, browser.find_element(By.ID, "window-form"))
        assert "已保存" in text_of(browser, ".flash.ok")
        row = text_of(browser, "tr[data-window='9']")
        assert "不动产登记" in row and "社保医保" in row and "税务" not in row
    finally:
        browser.quit()
    window = next(w for w in real.ok("GET", "/api/config")["windows"] if w["id"] == "9")
    assert window["services"] == ["estate", "social"]
    assert real.ok("GET", "/api/state", DISPLAY)["waiting"]["tax"] == 3
    estate = issue(real, "estate")
    real.login("9", "c02")
    assert call_next(real, "9") == estate
    assert call_next(real, "9") is None  # the tax tickets are no longer its
    real.login("10", "c03")
    assert [call_next(real, "10") for _ in taxes] == taxes
    later = issue(real, "tax")
    assert int(later[1:]) == int(taxes[-1][1:]) + 1  # the numbering goes on
