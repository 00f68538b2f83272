"""Pictures of the web console for ``hallq demo --screenshots``: headless Chromium driven
through its DevTools protocol (a WebSocket; no Selenium at run time), logged in through the
console's own form like a manager, then one picture per page at a desktop's size.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

LIVE_READY = "window.hallqLive !== undefined && window.hallqLive.seq >= 0"


class DevTools:
    """One page of a headless Chromium, commanded over the DevTools protocol."""

    def __init__(self, browser: str, profile: Path) -> None:
        from websockets.sync.client import connect

        self.stack = contextlib.ExitStack()
        self.process = subprocess.Popen(
            [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", "--disable-sync", "--disable-background-networking",
             "--disable-component-update", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        pages = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json()
        page = next(p for p in pages if p["type"] == "page")
        self.socket = self.stack.enter_context(connect(page["webSocketDebuggerUrl"],
                                                       max_size=None))
        self.ids = itertools.count(1)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        self.socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:  # events arrive in between; the answer carries our id
            message = json.loads(self.socket.recv(timeout=30))
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def value(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", expression=expression,
                         returnByValue=True)["result"].get("value")

    def until(self, expression: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                if self.value(expression):
                    return
            except RuntimeError:  # asked while one document gave way to the next: again
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page never got to: {expression}")
            time.sleep(0.05)

    def open(self, url: str, ready: str = "true") -> None:
        """Go to ``url`` and wait until its document (not the one before) is loaded and
        ``ready`` holds."""
        self.value("window.hallqOldPage = true")
        self.call("Page.navigate", url=url)
        self.until(f"!window.hallqOldPage && document.readyState === 'complete' && ({ready})")

    def shot(self, picture: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        picture.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.stack.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def console_pictures(url: str, user: str, password: str,
                     pages: list[tuple[str, str, str]], out: Path,
                     size: tuple[int, int] = (1920, 1080)) -> list[Path]:
    """Log in as ``user`` and save each (path, picture name, ready expression) of ``pages``."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("no chromium here, so no pictures of the web console")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    # Chromium's helper processes may still write into the profile as the browser exits: a
    # folder left behind in the temp directory is no reason to lose the pictures
    with tempfile.TemporaryDirectory(prefix="hallq-chromium-",
                                     ignore_cleanup_errors=True) as profile:
        tools = DevTools(browser, Path(profile))
        try:
            tools.call("Emulation.setDeviceMetricsOverride", width=size[0], height=size[1],
                       deviceScaleFactor=1, mobile=False)
            tools.open(f"{url}/console/login")
            tools.value(f"""(() => {{ const f = document.querySelector('form.login');
                f.username.value = {json.dumps(user)}; f.password.value = {json.dumps(password)};
                f.requestSubmit(); }})()""")
            tools.until("location.pathname === '/console'")
            for path, name, ready in pages:
                tools.open(f"{url}{path}", ready)
                time.sleep(1.0)  # the durations have counted on once
                tools.shot(out / name)
                saved.append(out / name)
        finally:
            tools.close()
    return saved
