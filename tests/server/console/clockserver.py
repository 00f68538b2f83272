"""The example hall's real server (loopback port, a thread of the test process) on a clock the
test moves, with the console's test accounts; and headless Chromium to look at it. (The
console's own browser helpers may replace the Chromium part once they are in main.)"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from hallq.server.bootstrap import Server, build
from tests.live_server import ADMIN, HALL, LiveServer, free_port
from tests.server.apifix import MONDAY_10, FakeClock
from tests.server.console.consolefix import add_users

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(DRIVER)) is None,
    reason="needs the Debian packages chromium and chromium-driver "
           "(scripts/debian-packages-test.txt)")


@dataclass
class ClockServer(LiveServer):
    clock: FakeClock


@contextmanager
def clock_server(db: Path, start: datetime = MONDAY_10) -> Iterator[ClockServer]:
    clock = FakeClock(start)
    built: Server = build(HALL, f"sqlite:///{db}", admin_token=ADMIN, clock=clock)
    add_users(built)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(built.app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield ClockServer(f"http://127.0.0.1:{port}", built, server, clock)
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        built.service.store.engine.dispose()


def desktop_browser(profile: Path, size: tuple[int, int] = (1600, 1000)) -> Any:
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
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False})
    return browser


def wait_for(browser: Any, condition: Any, timeout: float = 10) -> Any:
    from selenium.webdriver.support.wait import WebDriverWait

    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(condition)


def submit(browser: Any, form: Any) -> None:
    """Submit ``form`` and wait until the answer page has replaced this one."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions

    page = browser.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, expected_conditions.staleness_of(page))


def log_in(browser: Any, url: str, name: str, password: str) -> None:
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By

    for attempt in range(3):  # a page still replacing itself takes the typing away: again
        try:
            browser.get(url)
            browser.find_element(By.NAME, "username").send_keys(name)
            browser.find_element(By.NAME, "password").send_keys(password)
            form = browser.find_element(By.CSS_SELECTOR, "form.login")
            break
        except (StaleElementReferenceException, WebDriverException):
            if attempt == 2:
                raise
    submit(browser, form)


def text_of(browser: Any, css: str) -> str:
    """The text of the elements matching ``css``, read in one step (the live page swaps its
    panels at any moment)."""
    text = browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(e => e.innerText).join('\\n');", css)
    return str(text)
