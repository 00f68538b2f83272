"""A real server process over loopback: windows calling at the same instant never share a ticket."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from tests.server.realfix import KIOSK, PADS, RealServer

pytestmark = pytest.mark.slow


def call_together(real: RealServer, windows: list[str], rounds: int) -> list[tuple[str, Any]]:
    """Each window's thread calls ``next`` at the same instant, ``rounds`` times."""
    barrier = threading.Barrier(len(windows))
    got: list[tuple[str, Any]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(window: str) -> None:
        try:
            with httpx.Client(base_url=real.url, timeout=10,
                              headers={"Authorization": f"Bearer {PADS}"}) as client:
                for _ in range(rounds):
                    barrier.wait(timeout=10)
                    response = client.post(f"/api/windows/{window}/next")
                    assert response.status_code == 200, response.text
                    with lock:
                        got.append((window, response.json()["ticket"]))
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=work, args=(w,)) for w in windows]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert not any(t.is_alive() for t in threads)
    return got


def test_two_windows_calling_at_the_same_instant_never_get_the_same_ticket(
        real: RealServer) -> None:
    for _ in range(30):
        real.ok("POST", "/api/tickets", KIOSK, json={"service": "biz"})
    real.login("1", "c01")
    real.login("2", "c02")
    got = call_together(real, ["1", "2"], rounds=16)
    numbers = [t["number"] for _, t in got if t]
    assert len(numbers) == 30 and len(set(numbers)) == 30
    assert sorted(numbers) == [f"A{i:03d}" for i in range(1, 31)]


def test_eight_windows_calling_at_once_share_out_the_queue(real: RealServer) -> None:
    services = ["biz", "social", "fund", "tax"]
    for i in range(60):
        real.ok("POST", "/api/tickets", KIOSK, json={"service": services[i % 4],
                                                      "priority": i % 7 == 0})
    windows = {"1": "c01", "2": "c02", "3": "c03", "4": "c04", "7": "c05", "8": "c06",
               "9": "c07", "10": "c08"}
    for window, clerk in windows.items():
        real.login(window, clerk)
    serves = {w["id"]: set(w["services"]) for w in real.ok("GET", "/api/state")["windows"]}
    got = call_together(real, list(windows), rounds=12)
    called = [(w, t) for w, t in got if t]
    ids = [t["id"] for _, t in called]
    assert len(ids) == len(set(ids)) == 60, "a ticket was called twice, or one was lost"
    assert all(t["service"] in serves[w] for w, t in called)
    state = real.ok("GET", "/api/state")
    assert sum(state["waiting"].values()) == 0
