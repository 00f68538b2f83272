"""The live hall in a real (headless) Chromium: it updates by itself, a supervisor acts on it,
a viewer cannot, a forged form is refused, wrong passwords lock, no session means log in."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import KIOSK, WINDOWS, LiveServer
from tests.server.console.browser import (
    LAPTOP,
    browser_log_in,
    console_browser,
    live_connected,
    needs_chromium,
    submit_form,
    submit_live,
    text_of,
    wait_for,
)
from tests.server.console.consolefix import PASSWORDS, ROLES

pytestmark = [needs_chromium, pytest.mark.slow]  # headless Chromium: a few seconds each


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = console_browser(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def hall(server: LiveServer) -> LiveServer:
    for name, role in ROLES.items():
        server.server.app.state.accounts.add(name, role, PASSWORDS[name])
    return server


def waiting_of(browser: Any, service: str) -> str:
    return text_of(browser, f"tr[data-service='{service}'] td.waiting")


def test_a_supervisor_watches_the_hall_live_and_acts_on_it(hall: LiveServer, browser: Any,
                                                           tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(f"{hall.url}/console")
    assert browser.current_url.startswith(f"{hall.url}/console/login")  # no session
    browser_log_in(browser, browser.current_url, "duty", PASSWORDS["duty"])
    assert browser.current_url == f"{hall.url}/console"
    wait_for(browser, live_connected)
    browser.execute_script("window.notReloaded = true")
    assert waiting_of(browser, "biz") == "0"

    started = time.monotonic()
    with hall.http(KIOSK) as kiosk:  # a citizen takes a ticket at the kiosk
        kiosk.post("/api/tickets", json={"service": "biz"}).raise_for_status()
    wait_for(browser, lambda b: waiting_of(b, "biz") == "1", timeout=5)
    seen_after = time.monotonic() - started
    assert seen_after < 5 and browser.execute_script("return window.notReloaded") is True

    hall.login("3", "c03", "3456")  # a clerk opens window 3, calls the ticket, it is missed
    with hall.http(WINDOWS) as pad:
        pad.post("/api/windows/3/next").raise_for_status()
        pad.post("/api/windows/3/skip").raise_for_status()
    row = "tr[data-window='3']"
    wait_for(browser, lambda b: "张敏" in text_of(b, row) and text_of(b, "#missed"))
    assert "开放" in text_of(browser, row)
    submit_live(browser, "#missed li form")  # the supervisor restores the missed ticket
    assert "A001 已恢复等候" in text_of(browser, ".flash.ok")
    assert waiting_of(browser, "biz") == "1"

    # choosing a reason: the page keeps the open form while events arrive
    browser.find_element(By.CSS_SELECTOR, f"{row} details summary").click()
    with hall.http(KIOSK) as kiosk:
        kiosk.post("/api/tickets", json={"service": "tax"}).raise_for_status()
    time.sleep(0.3)
    assert browser.execute_script(  # not swapped away under the supervisor's hand
        "return document.querySelector(arguments[0] + ' details[open]') !== null", row)
    form = browser.find_element(By.CSS_SELECTOR, f"{row} details form")
    Select(form.find_element(By.NAME, "reason")).select_by_visible_text("业务培训")
    submit_form(browser, form)
    wait_for(browser, live_connected)
    paused = text_of(browser, row)
    assert "暂停" in paused and "业务培训" in paused
    with hall.http() as admin:
        window = next(w for w in admin.get("/api/state").json()["windows"] if w["id"] == "3")
    assert window["status"] == "paused" and window["pause_reason"] == "业务培训"
    browser.save_screenshot(str(tmp_path / "live-1920.png"))
    submit_live(browser, f"{row} td.act form")
    wait_for(browser, lambda b: "开放" in text_of(b, row))
    assert (tmp_path / "live-1920.png").stat().st_size > 10_000


def test_a_viewer_only_looks_forged_forms_are_refused_and_guessing_locks(
        hall: LiveServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser = console_browser(tmp_path / "laptop", LAPTOP)
    try:
        for attempt in range(5):
            browser_log_in(browser, f"{hall.url}/console/login", "watch", f"wrong-{attempt}")
        assert "已锁定" in browser.find_element(By.CSS_SELECTOR, ".error").text
        browser_log_in(browser, f"{hall.url}/console/login", "watch", PASSWORDS["watch"])
        assert "已锁定" in browser.find_element(By.CSS_SELECTOR, ".error").text  # still
        browser_log_in(browser, f"{hall.url}/console/login", "duty", PASSWORDS["duty"])
        wait_for(browser, live_connected)
        hall.login("3", "c03", "3456")
        form = "tr[data-window='3'] details form"
        wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, form))
        submit_live(browser, form, "form.querySelector('[name=csrf]').value = 'forged'")
        assert "表单已过期" in browser.find_element(By.CSS_SELECTOR, ".error").text
        with hall.http() as admin:
            states = {w["id"]: w["status"] for w in admin.get("/api/state").json()["windows"]}
        assert states["3"] == "open"
    finally:
        browser.quit()
    viewer = console_browser(tmp_path / "viewer", LAPTOP)
    try:
        hall.server.app.state.accounts.add("watch2", "viewer", "watch-password-2")
        browser_log_in(viewer, f"{hall.url}/console/login", "watch2", "watch-password-2")
        wait_for(viewer, live_connected)
        assert "监督" in viewer.find_element(By.CSS_SELECTOR, ".me .user").text
        assert not viewer.find_elements(By.CSS_SELECTOR, "td.act, #missed form")
        status = viewer.execute_async_script(  # the form sent anyway, with a right CSRF token
            "const done = arguments[0];"
            "const body = new URLSearchParams({csrf: document.querySelector("
            "'.logout [name=csrf]').value, reason: '午休'});"
            "fetch('/console/windows/3/pause', {method: 'POST', body: body})"
            ".then(r => done(r.status));")
        assert status == 403
        with hall.http() as admin:
            states = {w["id"]: w["status"] for w in admin.get("/api/state").json()["windows"]}
        assert states["3"] == "open"
        viewer.save_screenshot(str(tmp_path / "live-laptop.png"))
    finally:
        viewer.quit()
