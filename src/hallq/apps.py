"""The hall's apps as real processes that a script can read and drive (``client.probe``):
used by ``hallq demo --screenshots`` and the end-to-end tests."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from hallq.common import paths
from hallq.processes import Processes, free_port, wait_healthy

KIOSK, WINDOWS, DISPLAY, BRIDGE = ("demo-kiosk-token-1", "demo-window-token-all",
                                   "demo-display-token-1", "demo-bridge-token-1")
# the demo's manager account for the web console (README, "Two commands"): an admin
CONSOLE_USER, CONSOLE_PASSWORD = "manager", "hallq-demo"


class Hall:
    """A server and apps in separate processes on loopback, all offscreen and probed."""

    def __init__(self, folder: Path, config: str = str(paths.example())) -> None:
        self.folder, self.config = folder, config
        self.probe = folder / "probe"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.admin = secrets.token_urlsafe(16)
        self.procs = Processes(folder / "logs")
        self.env = {"HALLQ_ADMIN_TOKEN": self.admin, "HALLQ_SERVER": self.url,
                    "HALLQ_PROBE": str(self.probe), "QT_QPA_PLATFORM": "offscreen",
                    paths.CONFIG_ENV: config, paths.DATA_ENV: str(folder / "data")}
        self.api = httpx.Client(base_url=self.url, timeout=10,
                                headers={"Authorization": f"Bearer {self.admin}"})

    def start_server(self) -> None:
        self.procs.hallq("server", "server", "--config", self.config, "--db",
                         f"sqlite:///{self.folder / 'hall.db'}", "--port", str(self.port),
                         "--open-all-hours", "--log-level", "warning", env=self.env)
        wait_healthy(self.url, processes=self.procs)

    def start_app(self, name: str, *args: str, windowed: bool = True) -> None:
        """``name`` is the probe folder; ``args`` the hallq subcommand and its options. The
        hall's apps run ``--windowed``; the bus simulator is always a window (``False``)."""
        flags = ["--windowed"] if windowed else []
        self.procs.hallq(name, *args, *flags, env={**self.env, "HALLQ_PROBE_NAME": name})
        self.wait(name, lambda texts: bool(texts), what="its first screen")

    def texts(self, name: str) -> list[str]:
        path = self.probe / name / "texts.json"
        try:
            return list(json.loads(path.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError):
            return []

    def wait(self, name: str, ready: Callable[[list[str]], bool], seconds: float = 20,
             what: str = "") -> list[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            texts = self.texts(name)
            if ready(texts):
                return texts
            failed = self.procs.failed()
            if failed:
                raise RuntimeError(f"{name}: a process ended: {'; '.join(failed)}")
            time.sleep(0.1)
        raise TimeoutError(f"{name} did not show {what or 'what was expected'} within "
                           f"{seconds:.0f} s; it shows: {self.texts(name)[:30]}")

    def shows(self, name: str, text: str, seconds: float = 20) -> list[str]:
        return self.wait(name, lambda texts: any(text in t for t in texts), seconds, repr(text))

    def command(self, name: str, *lines: str, seconds: float = 20) -> None:
        folder = self.probe / name
        done_file = folder / "done.txt"
        before = int(done_file.read_text() or 0) if done_file.exists() else 0
        with (folder / "commands.txt").open("a", encoding="utf-8") as commands:
            commands.write("".join(f"{line}\n" for line in lines))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if done_file.exists() and int(done_file.read_text() or 0) >= before + len(lines):
                return
            time.sleep(0.05)
        raise TimeoutError(f"{name} did not carry out {lines}")

    def call(self, method: str, path: str, token: str | None = None,
             body: dict[str, Any] | None = None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = self.api.request(method, path, json=body, headers=headers)
        answer.raise_for_status()
        return answer.json()

    def close(self) -> None:
        self.api.close()
        self.procs.stop()
