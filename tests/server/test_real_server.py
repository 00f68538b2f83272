"""The real thing: a server process, HTTP over loopback, kill -9, the CLI."""

from __future__ import annotations

import csv
import threading
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.server.realfix import ADMIN, KIOSK, PADS, ROOT, RealServer

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


def test_state_survives_kill_9(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db")
    try:
        server.start()
        for service in ["biz", "biz", "tax", "social", "biz", "estate"]:
            server.ok("POST", "/api/tickets", KIOSK, json={"service": service})
        server.ok("POST", "/api/tickets", KIOSK, json={"service": "biz", "priority": True})
        server.login("1", "c01")
        server.login("4", "c02")
        server.login("9", "c03")
        server.login("5", "c04")
        server.ok("POST", "/api/windows/4/next", PADS)
        server.ok("POST", "/api/windows/1/next", PADS)
        server.ok("POST", "/api/windows/9/next", PADS)
        server.ok("POST", "/api/windows/9/finish", PADS)
        server.ok("POST", "/api/windows/9/pause", PADS, json={"reason": "午休"})
        server.ok("POST", "/api/windows/1/skip", PADS)
        before = server.ok("GET", "/api/state")
        tickets_before = [server.ok("GET", f"/api/tickets/{i}") for i in range(1, 8)]
        server.kill9()

        server.start()
        after = server.ok("GET", "/api/state")
        for key in ("windows", "waiting", "hall"):
            assert after[key] == before[key], key
        window9 = next(w for w in after["windows"] if w["id"] == "9")
        assert window9["status"] == "paused" and window9["pause_reason"] == "午休"
        current = next(w for w in after["windows"] if w["id"] == "4")["current"]
        assert current["number"] == "A004" and current["priority"]  # the green channel
        assert [server.ok("GET", f"/api/tickets/{i}") for i in range(1, 8)] == tickets_before
        assert server.ok("POST", "/api/tickets", KIOSK,
                         json={"service": "biz"})["number"] == "A005"
        assert server.ok("POST", "/api/tickets", KIOSK,
                         json={"service": "tax"})["number"] == "E002"
    finally:
        server.stop()


def test_nothing_acknowledged_is_lost_when_killed_mid_stream(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "h.db")
    acknowledged: list[dict[str, Any]] = []
    stop = threading.Event()

    def issue_forever() -> None:
        with httpx.Client(base_url=server.url, timeout=2,
                          headers={"Authorization": f"Bearer {KIOSK}"}) as client:
            while not stop.is_set():
                try:
                    response = client.post("/api/tickets", json={"service": "fund"})
                except httpx.HTTPError:
                    return
                if response.status_code == 201:
                    acknowledged.append(response.json())

    try:
        server.start()
        worker = threading.Thread(target=issue_forever)
        worker.start()
        while len(acknowledged) < 30 and worker.is_alive():
            threading.Event().wait(0.02)
        server.kill9()
        stop.set()
        worker.join(timeout=10)
        assert len(acknowledged) >= 30
        server.start()
        for ticket in acknowledged:
            again = server.ok("GET", f"/api/tickets/{ticket['id']}")
            assert again["number"] == ticket["number"]
        nxt = server.ok("POST", "/api/tickets", KIOSK, json={"service": "fund"})
        assert int(nxt["number"][1:]) > max(int(t["number"][1:]) for t in acknowledged)
    finally:
        stop.set()
        server.stop()


def test_hallq_report_prints_the_table_and_writes_csv(real: RealServer, tmp_path: Path) -> None:
    import subprocess
    import sys

    real.login("4", "c02")
    for _ in range(3):
        real.ok("POST", "/api/tickets", KIOSK, json={"service": "biz"})
    first = real.ok("POST", "/api/windows/4/next", PADS)["ticket"]
    real.ok("POST", "/api/windows/4/next", PADS)
    real.ok("POST", f"/api/tickets/{first['id']}/rating", PADS, json={"score": 4})
    real.ok("POST", "/api/windows/4/skip", PADS)
    day = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "hallq", "report", "--date", day, "--config", "config/hall.toml",
         "--db", f"sqlite:///{real.db}", "--csv", str(out)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert f"示例县政务服务中心 — daily report {day}" in done.stdout
    assert "满意率: 100.0%" in done.stdout
    hall_line = next(line for line in done.stdout.splitlines() if line.startswith("hall "))
    assert hall_line.split()[2:5] == ["3", "1", "1"]  # issued, served, missed
    service_line = next(line for line in done.stdout.splitlines() if line.startswith("service"))
    assert service_line.split()[1:6] == ["biz", "企业开办", "3", "1", "1"]
    assert any(line.split()[:3] == ["clerk", "c02", "李强"] for line in done.stdout.splitlines())
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["group"] == "hall" and rows[0]["issued"] == "3"
    assert any(r["group"] == "clerk" and r["name"] == "李强" for r in rows)
    assert real.ok("GET", "/api/state", ADMIN)["waiting"]["biz"] == 1
