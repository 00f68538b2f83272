"""No device token ever reaches the server's log, whichever way it is sent (issue 15, point 4):
the real ``hallq server`` process with its real logging, at its most talkative level."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from websockets.sync.client import connect

from tests.server.realfix import ADMIN, DISPLAY, KIOSK, PADS, ROOT, free_port


def test_tokens_sent_in_header_or_url_never_appear_in_the_log(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "server.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hallq", "server", "--config", "config/hall.toml",
             "--db", f"sqlite:///{tmp_path / 'h.db'}", "--port", str(port),
             "--open-all-hours", "--log-level", "debug"],
            cwd=ROOT, env={**os.environ, "HALLQ_ADMIN_TOKEN": ADMIN}, stdout=out,
            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        ws = f"ws://127.0.0.1:{port}/api/events"
        with connect(ws, additional_headers={"Authorization": f"Bearer {DISPLAY}"},
                     open_timeout=5) as by_header:
            assert json.loads(by_header.recv(timeout=5))["type"] == "hello"
        with connect(f"{ws}?token={PADS}", open_timeout=5) as by_url:
            assert json.loads(by_url.recv(timeout=5))["type"] == "hello"
        with httpx.Client(base_url=url, timeout=5) as http:
            assert http.post("/api/tickets", json={"service": "biz"},
                             headers={"Authorization": f"Bearer {KIOSK}"}).status_code == 201
            assert http.get(f"/api/state?token={ADMIN}",  # a token where none belongs
                            headers={"Authorization": f"Bearer {ADMIN}"}).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
    text = log.read_text(errors="replace")
    assert "/api/events" in text and "/api/tickets" in text  # the log did record the calls
    for token in (DISPLAY, PADS, KIOSK, ADMIN):
        assert token not in text, f"{token} is in the log:\n{text}"
