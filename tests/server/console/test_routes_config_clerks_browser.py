"""The clerks' page in headless Chromium against a real server process (``python -m hallq
server``): an admin adds a clerk, reads the PIN shown once, the clerk logs in at a window with
it; the page opened again never shows the PIN; a photo uploaded shows on the clerk's page."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.server.console.browser import (
    browser_log_in,
    console_browser,
    needs_chromium,
    submit_form,
    wait_for,
)
from tests.server.console.consolefix import PASSWORDS
from tests.server.realfix import PADS, ROOT, RealServer

pytestmark = [needs_chromium, pytest.mark.slow]  # a server process and a browser


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[RealServer]:
    server = RealServer(tmp_path / "h.db").start()
    try:
        subprocess.run([sys.executable, "-m", "hallq", "users", "--db",
                        f"sqlite:///{server.db}", "add", "boss", "--role", "admin"],
                       input=PASSWORDS["boss"] + "\n", text=True, cwd=ROOT, check=True,
                       capture_output=True)
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = console_browser(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


def test_a_clerk_added_in_the_console_logs_in_with_the_pin_shown_once(
        hall: RealServer, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser_log_in(browser, f"{hall.url}/console/config/clerks", "boss", PASSWORDS["boss"])
    form = browser.find_element(By.ID, "add-clerk")
    form.find_element(By.NAME, "id").send_keys("c30")
    form.find_element(By.NAME, "name").send_keys("孙悦")
    form.find_element(By.NAME, "job_number").send_keys("ZW030")
    form.find_element(By.NAME, "window-7").click()
    submit_form(browser, form)
    pin = browser.find_element(By.ID, "new-pin").text
    assert pin.isdigit() and len(pin) == 6 and "孙悦" in browser.page_source
    with hall.client(PADS) as pad:
        refused = pad.post("/api/windows/7/login", json={"clerk": "ZW030", "pin": "000000"})
        assert refused.status_code == 403
        answer = pad.post("/api/windows/7/login", json={"clerk": "ZW030", "pin": pin})
        assert answer.status_code == 200 and answer.json()["clerk"]["name"] == "孙悦"
    browser.get(f"{hall.url}/console/config/clerks")
    assert "c30" in browser.find_element(By.ID, "clerks").text
    assert pin not in browser.page_source and not browser.find_elements(By.ID, "new-pin")
    assert pin not in hall.log.read_text(errors="replace")  # never logged either
    photo = tmp_path / "face.png"
    Image.new("RGB", (300, 400), "#d32f2f").save(photo)
    browser.get(f"{hall.url}/console/config/clerks/c30")
    upload = browser.find_element(By.ID, "upload-photo")
    upload.find_element(By.NAME, "photo").send_keys(str(photo))
    submit_form(browser, upload)
    assert "照片已保存" in browser.page_source
    wait_for(browser, lambda b: b.execute_script(
        "const i = document.getElementById('clerk-photo'); return i && i.naturalWidth > 0"))
    state = hall.ok("GET", "/api/windows/7", PADS)
    assert state["clerk"]["photo_url"].startswith("/api/clerks/c30/photo?v=")
    shown = hall.ok("GET", state["clerk"]["photo_url"], PADS)
    assert shown["content_type"] == "image/jpeg"
    with Image.open(io.BytesIO(base64.b64decode(shown["data_base64"]))) as image:
        assert image.size == (300, 400)
