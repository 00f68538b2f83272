"""A real queue server on a loopback port, in a thread of the test process."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from hallq.server.bootstrap import Server, build

ROOT = Path(__file__).resolve().parent.parent
HALL = ROOT / "config" / "hall.toml"
ADMIN = "test-admin-token-0001"
KIOSK = "demo-kiosk-token-1"
WINDOWS = "demo-window-token-all"
DISPLAY = "demo-display-token-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    server: Server
    uvicorn: uvicorn.Server

    def http(self, token: str = ADMIN) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {token}"},
                            timeout=5)

    def login(self, window: str, clerk: str = "c02", pin: str = "2345") -> None:
        with self.http() as c:
            c.post(f"/api/windows/{window}/login", json={"clerk": clerk, "pin": pin}) \
                .raise_for_status()


@contextmanager
def serving(built: Server, port: int = 0) -> Iterator[tuple[str, uvicorn.Server]]:
    """``built``'s app on a loopback port, in a thread of the test process, while the block runs:
    its address and the uvicorn server."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(built.app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@contextmanager
def live_server(db: Path, config: Path = HALL, port: int = 0,
                open_all_hours: bool = True) -> Iterator[LiveServer]:
    built = build(config, f"sqlite:///{db}", admin_token=ADMIN, open_all_hours=open_all_hours)
    with serving(built, port) as (url, server):
        yield LiveServer(url, built, server)
