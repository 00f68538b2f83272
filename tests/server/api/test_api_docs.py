"""``/docs`` and ``/redoc`` work on a LAN without internet: every file they load comes from the
hallq server itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import LiveServer
from tests.server.api.test_rating_page_browser import CHROMIUM, DRIVER, phone_browser
from tests.server.apifix import Api


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_pages_name_no_other_host(api: Api, page: str) -> None:
    html = api.get(page, token=None).text
    loaded = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"url: '([^']+)'", html)
    assert loaded, html
    assert all(url.startswith("/") for url in loaded), loaded
    for url in loaded:
        if url.startswith("/docs-assets/"):
            assert api.get(url, token=None).status_code == 200, url


def test_the_licences_are_served_with_the_files(api: Api) -> None:
    assert "Apache License" in api.get("/docs-assets/swagger-ui-LICENSE.txt", token=None).text
    assert "MIT License" in api.get("/docs-assets/redoc-LICENSE.txt", token=None).text


@pytest.fixture
def offline_browser(tmp_path: Path) -> Iterator[Any]:
    if not CHROMIUM.exists() or not DRIVER.exists():
        pytest.skip("needs the Debian packages chromium and chromium-driver")
    driver = phone_browser(tmp_path / "profile", 1280, 900, offline=True)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.slow  # headless Chromium
def test_swagger_ui_and_redoc_render_without_internet(server: LiveServer, offline_browser: Any,
                                                      tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    b = offline_browser
    b.get(f"{server.url}/docs")
    WebDriverWait(b, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) > 10)
    assert "hallq queue server" in b.find_element(By.CSS_SELECTOR, ".info .title").text
    b.save_screenshot(str(tmp_path / "docs.png"))
    loaded = b.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(server.url) for url in loaded), loaded
    b.get(f"{server.url}/redoc")
    WebDriverWait(b, 20).until(
        lambda d: "POST /api/tickets" in d.find_element(By.TAG_NAME, "body").text
        or len(d.find_elements(By.CSS_SELECTOR, "[data-section-id]")) > 10)
    assert (tmp_path / "docs.png").stat().st_size > 10_000
