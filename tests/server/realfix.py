"""The real server: ``python -m hallq server`` as a subprocess on a loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
ADMIN = "real-admin-token-0001"
KIOSK = "demo-kiosk-token-1"
PADS = "demo-window-token-all"
DISPLAY = "demo-display-token-1"
PINS = {"c01": "1234", "c02": "2345", "c03": "3456", "c04": "4567", "c05": "5678",
        "c06": "6789", "c07": "7890", "c08": "8901"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RealServer:
    def __init__(self, db: Path, port: int | None = None, log: Path | None = None) -> None:
        self.db, self.port = db, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log or db.with_suffix(".log")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20) -> RealServer:
        env = {**os.environ, "HALLQ_ADMIN_TOKEN": ADMIN}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "hallq", "server", "--config", "config/hall.toml",
                 "--db", f"sqlite:///{self.db}", "--port", str(self.port), "--open-all-hours",
                 "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("server did not answer /api/health in time")

    def kill9(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def client(self, token: str = ADMIN) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {token}"},
                            timeout=10)

    def ok(self, method: str, path: str, token: str = ADMIN, **kwargs: Any) -> Any:
        with self.client(token) as c:
            response = c.request(method, path, **kwargs)
        assert response.status_code in (200, 201), (path, response.status_code, response.text)
        return response.json()

    def login(self, window: str, clerk: str) -> None:
        self.ok("POST", f"/api/windows/{window}/login", PADS,
                json={"clerk": clerk, "pin": PINS[clerk]})
