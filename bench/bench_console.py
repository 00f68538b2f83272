"""Bench of the web console: a real ``hallq server`` process with a busy morning in it.

Figures: the live hall's update after an event, server side (``server_ms``: building and
rendering the panels after the event reached the console's stream) and end to end at a
WebSocket client logged in with a session cookie (issue sent → new panels received); the same
end to end in headless Chromium (the page's own ``fetch`` issues a ticket, timed until
``live.js`` has swapped the new panels in); the console page's first load (the HTML with a
session, and the browser's navigation timing). Prints figures only; never asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import connect

from bench.bench_server import KIOSK, running_server
from bench.figures import figure, percentile

USER, PASSWORD = "bench", "bench-password-1"
SERVICES = ("general", "tax", "social", "fund", "household")  # no daily quota
CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def log_in(url: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=10, follow_redirects=True)
    page = client.get("/console/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token, "no log-in form"
    answer = client.post("/console/login", data={"csrf": token.group(1), "username": USER,
                                                 "password": PASSWORD})
    answer.raise_for_status()
    return client


def busy_morning(url: str, tickets: int) -> None:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {KIOSK}"}) as kiosk:
        for i in range(tickets):
            kiosk.post("/api/tickets", json={"service": SERVICES[i % len(SERVICES)]}) \
                .raise_for_status()


def page_loads(client: httpx.Client, count: int) -> tuple[list[float], list[float]]:
    """Wall time and the server's own time (Server-Timing) of ``GET /console``, in ms."""
    wall, server = [], []
    for _ in range(count):
        started = time.perf_counter()
        answer = client.get("/console")
        wall.append((time.perf_counter() - started) * 1000)
        server.append(float(answer.headers["server-timing"].split("dur=")[1]))
    return wall, server


async def stream_updates(url: str, cookie: str, count: int) -> tuple[list[float], list[float]]:
    """(issue sent → panels received, server_ms) for ``count`` tickets, in ms."""
    ws_url = url.replace("http://", "ws://") + "/console/events"
    end_to_end, server = [], []
    async with httpx.AsyncClient(base_url=url, headers={
            "Authorization": f"Bearer {KIOSK}"}) as kiosk, connect(
            ws_url, additional_headers={"Cookie": cookie}, origin=url) as socket:  # type: ignore[arg-type]
        await socket.recv()  # the first rendering
        for i in range(count):
            started = time.perf_counter()
            issued = await kiosk.post("/api/tickets",
                                      json={"service": SERVICES[i % len(SERVICES)]})
            issued.raise_for_status()
            message = str(await asyncio.wait_for(socket.recv(), 5))  # the panels' fragment
            end_to_end.append((time.perf_counter() - started) * 1000)
            took = re.search(r'data-server-ms="([\d.]+)"', message)
            assert took is not None, message[:200]
            server.append(float(took.group(1)))
    return end_to_end, server


BROWSER_ISSUE = """
const done = arguments[arguments.length - 1];
const before = window.hallqLive.swaps, started = performance.now();
window.hallqLive.onswap = () => { if (window.hallqLive.swaps > before) {
  window.hallqLive.onswap = null; done(performance.now() - started); } };
fetch('/api/tickets', {method: 'POST', headers: {'Authorization': 'Bearer %s',
  'Content-Type': 'application/json'}, body: JSON.stringify({service: '%s'})});
"""


def in_browser(url: str, count: int) -> tuple[list[float], float, float] | None:
    """(issue → panels swapped in, per ticket; first load's DOMContentLoaded; load), in ms."""
    if not CHROMIUM.exists() or shutil.which(str(DRIVER)) is None:
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="hallq-bench-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1920,1080"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    try:
        browser.set_script_timeout(10)
        browser.get(f"{url}/console/login")
        browser.find_element(By.NAME, "username").send_keys(USER)
        browser.find_element(By.NAME, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "form.login button").click()
        connected = "return window.hallqLive && window.hallqLive.seq >= 0"
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(connected))
        browser.execute_cdp_cmd("Network.clearBrowserCache", {})  # a first load: no cache
        browser.get(f"{url}/console")
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(connected))
        timing: dict[str, Any] = browser.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "return {dom: n.domContentLoadedEventEnd - n.startTime, "
            "load: n.loadEventEnd - n.startTime};")
        times = [float(browser.execute_async_script(
            BROWSER_ISSUE % (KIOSK, SERVICES[i % len(SERVICES)]))) for i in range(count)]
        return times, float(timing["dom"]), float(timing["load"])
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs")
    args = parser.parse_args()
    morning, updates = (60, 20) if args.quick else (600, 200)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hall.db"
        from hallq.server.cli_users import add_account

        add_account(f"sqlite:///{db}", USER, "supervisor", PASSWORD)
        with running_server(db) as url:
            busy_morning(url, morning)
            client = log_in(url)
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            wall, server = page_loads(client, 10 if args.quick else 50)
            figure(f"console page first load, cold ({morning} tickets today)",
                   f"{wall[0]:.1f} ms", "≤ 300 ms")
            figure("console page load p99 (HTML, wall)", f"{percentile(wall, 0.99):.1f} ms",
                   "≤ 300 ms")
            figure("console page load p50 (HTML, wall)", f"{percentile(wall, 0.5):.1f} ms")
            figure("console page load p99 (server time)", f"{percentile(server, 0.99):.1f} ms")
            end_to_end, built = asyncio.run(stream_updates(url, cookie, updates))
            figure("live update p99, server side (panels built after the event)",
                   f"{percentile(built, 0.99):.1f} ms", "≤ 50 ms")
            figure("live update p50, server side", f"{percentile(built, 0.5):.1f} ms")
            figure("live update p99, issue sent → panels at a WebSocket client",
                   f"{percentile(end_to_end, 0.99):.1f} ms")
            browser = in_browser(url, 10 if args.quick else 50)
            client.close()
        if browser is None:
            figure("live update in the browser", "skipped (no chromium)")
            return
        times, dom, load = browser
        figure("live update p99 in Chromium (issue → panels swapped in)",
               f"{percentile(times, 0.99):.1f} ms", "≤ 1 s")
        figure("live update p50 in Chromium", f"{percentile(times, 0.5):.1f} ms")
        figure("console page first load in Chromium, no cache (DOMContentLoaded / load)",
               f"{dom:.0f} / {load:.0f} ms", "≤ 300 ms")


if __name__ == "__main__":
    main()
