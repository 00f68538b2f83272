"""Starting and stopping the hall's processes for the demo and the end-to-end tests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx


class Processes:
    """Child processes that all end together (also when the parent is interrupted). Each runs
    in its own session, so Ctrl-C reaches only the parent, which stops them in order: the apps
    before the virtual screen they are shown on."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        logs.mkdir(parents=True, exist_ok=True)
        self.children: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, args: list[str], env: dict[str, str] | None = None) -> \
            subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("wb") as log:  # the child keeps its own copy
            child = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **(env or {})},
                                     start_new_session=sys.platform != "win32")
        self.children.append((name, child))
        return child

    def hallq(self, name: str, *args: str, env: dict[str, str] | None = None) -> \
            subprocess.Popen[bytes]:
        return self.start(name, [sys.executable, "-m", "hallq", *args], env)

    def failed(self) -> list[str]:
        """Each child that ended with an error: its name, exit status, log file and the last
        lines it wrote (its own error message)."""
        return [f"{name} (exit {p.returncode}, see {self.logs / name}.log){self.tail(name)}"
                for name, p in self.children if p.poll() is not None and p.returncode]

    def tail(self, name: str, lines: int = 8) -> str:
        """The end of a child's output, indented, for an error message ("" if it wrote none)."""
        try:
            text = (self.logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        last = [line for line in text.splitlines() if line.strip()][-lines:]
        return "".join(f"\n    {line}" for line in last)

    def stop(self) -> None:
        """The last started first, each gone before the next is asked: apps before the server
        and the screen they use. What has not ended within 10 s in all is killed."""
        deadline = time.monotonic() + 10
        for _, child in reversed(self.children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self.children.clear()


class ChildFailed(RuntimeError):
    """A process the caller waits for ended with an error; the message holds its own."""


def wait_healthy(url: str, seconds: float = 20, processes: Processes | None = None) -> None:
    """Waits for the server at ``url`` to answer; with ``processes``, a child of them that ends
    with an error (the server that cannot open its config or port) is reported at once."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        failed = processes.failed() if processes else []
        if failed:
            raise ChildFailed("; ".join(failed))
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server at {url} did not answer within {seconds:.0f} s")


def virtual_display(processes: Processes, number: int = 99) -> str | None:
    """Start Xvfb when there is no display; returns the DISPLAY to use, or None."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform == "win32":
        return None
    if shutil.which("Xvfb") is None:
        raise RuntimeError("no display and no Xvfb: install xvfb (scripts/setup.sh does)")
    processes.start("xvfb", ["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten",
                             "tcp"])
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return f":{number}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
