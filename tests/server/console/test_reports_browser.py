"""The reports page in a real headless Chromium: charts drawn, the period picker, and an XLSX
downloaded by clicking its button and opened with openpyxl."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.live_server import live_server
from tests.server.api.test_routes_reports import SUNDAY_EVENING, two_days
from tests.server.apifix import make_api
from tests.server.console.browser import (
    CHROMIUM,
    DRIVER,
    browser_log_in,
    needs_chromium,
    submit_form,
    text_of,
)
from tests.server.console.consolefix import PASSWORDS, add_users

pytestmark = [pytest.mark.slow, needs_chromium]


def desk_browser(profile: Path, downloads: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 "--window-size=1400,2400", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "downloads").mkdir()
    driver = desk_browser(tmp_path / "profile", tmp_path / "downloads")
    try:
        yield driver
    finally:
        driver.quit()


def test_a_manager_reads_the_charts_and_exports_xlsx(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    for api in make_api(tmp_path, open_all_hours=True, start=SUNDAY_EVENING):
        two_days(api)
    with live_server(tmp_path / "hall.db") as live:
        add_users(live.server)
        browser_log_in(browser, f"{live.url}/console/reports", "watch", PASSWORDS["watch"])
        assert text_of(browser, "h1").startswith("报表")
        Select(browser.find_element(By.ID, "period")).select_by_value("custom")
        assert browser.find_element(By.NAME, "from").is_displayed()  # the script shows the range
        browser.execute_script(
            "document.querySelector('[name=from]').value='2026-11-30';"
            "document.querySelector('[name=to]').value='2026-12-01';")
        submit_form(browser, browser.find_element(By.ID, "picker"))
        assert "2026-11-30 – 2026-12-01" in text_of(browser, "h1")
        # Chart.js drew on every canvas (a blank canvas has no chart attached)
        drawn = browser.execute_script(
            "return ['chart-hour','chart-trend','chart-ratings'].map(function (id) {"
            " var c = Chart.getChart(id); return c ? c.data.datasets[0].data.length : -1; });")
        assert drawn == [2, 2, 5]
        assert "李强" in browser.find_element(By.ID, "ranking").text
        browser.save_screenshot(str(tmp_path / "reports.png"))
        if os.environ.get("HALLQ_SCREENSHOTS"):
            shutil.copy(tmp_path / "reports.png", os.environ["HALLQ_SCREENSHOTS"])
        browser.find_element(By.ID, "export-xlsx").click()
        deadline = time.monotonic() + 15
        files: list[Path] = []
        while time.monotonic() < deadline:
            files = list((tmp_path / "downloads").glob("*.xlsx"))
            if files:
                break
            time.sleep(0.1)
    assert [f.name for f in files] == ["hallq-report-2026-11-30_2026-12-01.xlsx"]
    book = load_workbook(files[0])
    assert book["按人员"]["B3"].value == "李强"
    assert [row[1] for row in book["按日"].iter_rows(min_row=3, values_only=True)] == [1, 2]
