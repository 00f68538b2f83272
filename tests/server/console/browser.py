"""Headless Chromium for the console's browser tests: the system's chromium and
chromium-driver (never a download), a desktop window size, logging in through the form."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(DRIVER)) is None,
    reason="needs the Debian packages chromium and chromium-driver "
           "(scripts/debian-packages-test.txt)")
FULL_HD, LAPTOP = (1920, 1080), (1366, 768)


def console_browser(profile: Path, size: tuple[int, int] = FULL_HD) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--hide-scrollbars", f"--user-data-dir={profile}",
                 f"--window-size={size[0]},{size[1]}"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    # the page's own size (a headless window's size counts its absent toolbars)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False})
    return browser


def wait_for(browser: Any, condition: Any, timeout: float = 10) -> Any:
    """Poll ``condition`` until it holds (a TimeoutException after ``timeout`` seconds).

    A driver error while polling counts as "not yet": chromedriver asked about an element
    while its document is being replaced answers with a stale element or an inspector error
    ("Node with given id does not belong to the document"), and the next poll reads the new
    document. A condition that never holds still fails, with the last error attached."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.wait import WebDriverWait

    return WebDriverWait(browser, timeout, poll_frequency=0.02,
                         ignored_exceptions=(WebDriverException,)).until(condition)


def mark_page(browser: Any) -> None:
    """Mark this document, so that ``wait_replaced`` can tell when another has replaced it."""
    browser.execute_script("window.hallqOldPage = true;")


def wait_replaced(browser: Any) -> None:
    """Wait until a new, loaded document has replaced the one ``mark_page`` marked.

    Selenium's ``staleness_of`` asks chromedriver about an element of the old page, and
    chromedriver sometimes answers that question mid-navigation with an inspector error
    instead of "stale"; a mark on the window is gone with its document, whatever the timing."""
    wait_for(browser, lambda driver: driver.execute_script(  # (errors while the old one goes)
        "return !window.hallqOldPage && document.readyState === 'complete';"))


def submit_form(browser: Any, form: Any) -> None:
    """Submit ``form`` and wait until the answer page has replaced this one."""
    from selenium.webdriver.common.by import By

    mark_page(browser)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_replaced(browser)


def browser_log_in(browser: Any, url: str, name: str, password: str) -> None:
    """Fill in and send the log-in form at ``url`` (the log-in page or one it guards)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    for attempt in range(3):  # a page still replacing itself takes the typing away: again
        try:
            browser.get(url)
            browser.find_element(By.NAME, "username").clear()
            browser.find_element(By.NAME, "username").send_keys(name)
            browser.find_element(By.NAME, "password").send_keys(password)
            form = browser.find_element(By.CSS_SELECTOR, "form.login")
            break
        except WebDriverException:  # stale elements too
            if attempt == 2:
                raise
    submit_form(browser, form)


def live_connected(browser: Any) -> bool:
    """The live page's stream has delivered its first rendering."""
    return bool(browser.execute_script("return window.hallqLive && window.hallqLive.seq >= 0"))


def text_of(browser: Any, css: str) -> str:
    """The text of the first element matching ``css`` ('' if none), read in one step: the live
    page swaps its panels at any moment, so an element found earlier may be gone."""
    text = browser.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css)
    return str(text)


def submit_live(browser: Any, css: str, script: str = "") -> None:
    """Submit the live page's form matching ``css`` in one step (after ``script``, run with
    the form as ``form``) and wait until the answer page has replaced this one."""
    mark_page(browser)
    browser.execute_script("const form = document.querySelector(arguments[0]);"
                           + script + "; form.requestSubmit();", css)
    wait_replaced(browser)
