"""Bench of the queue server: a real ``hallq server`` process, SQLite on disk, durable commits.

Figures: issue-ticket latency with 8 concurrent clients over loopback HTTP; sustained mixed
operations per second (issue, next, finish); time from sending ``next`` to the ``ticket.called``
event arriving at 200 WebSocket subscribers (one asyncio process; includes the HTTP round trip,
so an upper bound of "answered → event"); the daily report over a year of history (~1.5 M
tickets). Prints figures only; never asserts on time. ``--quick`` runs small versions.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.fan_out import fan_out
from bench.figures import figure, percentile
from bench.report_history import fill_sqlite

ROOT = Path(__file__).resolve().parent.parent
ADMIN = "bench-admin-token-0001"
KIOSK = "demo-kiosk-token-1"
PADS = "demo-window-token-all"
# (window, clerk, pin, a service it serves without a daily quota)
DESKS = [("1", "c01", "1234", "general"), ("2", "c02", "2345", "social"),
         ("3", "c03", "3456", "fund"), ("7", "c04", "4567", "social"),
         ("8", "c05", "5678", "fund"), ("9", "c06", "6789", "tax"),
         ("10", "c07", "7890", "tax"), ("11", "c08", "8901", "household")]



def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: Path, config: Path = ROOT / "config" / "hall.toml",
                   admin: str = ADMIN) -> Iterator[str]:
    """A real ``hallq server`` process on a free loopback port, open all hours."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "hallq", "server", "--config", str(config), "--db",
         f"sqlite:///{db}", "--port", str(port), "--open-all-hours", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, "HALLQ_ADMIN_TOKEN": admin},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _client(url: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=10)


class _LightClient:
    """A kept-alive connection through the standard library's http.client: a fraction of
    httpx's CPU per request. On this 2-core machine the load generator shares the cores with the
    server; with httpx it took a core of its own and the figures measured the client as much as
    the server (391 ops/s with httpx, over 700 with this, same server)."""

    def __init__(self, url: str, token: str) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=10)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def post(self, path: str, body: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
        """The status and the response headers (lower-case names); the body is read and left."""
        self.connection.request("POST", path, json.dumps(body or {}), self.headers)
        response = self.connection.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}

    def close(self) -> None:
        self.connection.close()


def _login_all(url: str) -> None:
    with _client(url, PADS) as c:
        for window, clerk, pin, _service in DESKS:
            c.post(f"/api/windows/{window}/login", json={"clerk": clerk, "pin": pin}) \
                .raise_for_status()


def _in_threads(count: int, work: Callable[[int], None]) -> None:
    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)


def _issue_client(job: tuple[str, int, int, float]) -> tuple[list[float], list[float]]:
    """One kiosk, in its own process (as real kiosks are separate machines)."""
    url, i, count, start_at = job
    service = DESKS[i][3]
    mine: list[float] = []
    server: list[float] = []
    kiosk = _LightClient(url, KIOSK)
    try:
        kiosk.post("/api/tickets", {"service": service})  # connect before measuring
        time.sleep(max(0.0, start_at - time.time()))
        for _ in range(count):
            started = time.perf_counter()
            status, headers = kiosk.post("/api/tickets", {"service": service})
            mine.append((time.perf_counter() - started) * 1000)
            if status != 201:
                raise RuntimeError(f"issuing a ticket answered {status}")
            server.append(float(headers["server-timing"].split("dur=")[1]))
    finally:
        kiosk.close()
    return mine, server


def bench_issue(url: str, per_client: int) -> None:
    import multiprocessing

    start_at = time.time() + 2.0
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        results = pool.map(_issue_client, [(url, i, per_client, start_at) for i in range(8)])
    latencies = [ms for result, _ in results for ms in result]
    inside = [ms for _, server in results for ms in server]
    figure("issue-ticket time inside the server p50", f"{percentile(inside, 0.5):.2f} ms")
    figure("issue-ticket time inside the server p99", f"{percentile(inside, 0.99):.2f} ms")
    clients = "8 client processes, http.client"
    figure(f"issue-ticket latency p50 ({clients})", f"{percentile(latencies, 0.5):.1f} ms")
    figure(f"issue-ticket latency p99 ({clients})", f"{percentile(latencies, 0.99):.1f} ms",
           "≤ 20 ms")


def bench_mixed(url: str, seconds: float) -> None:
    counts = [0] * 8
    stop = time.monotonic() + seconds

    def work(i: int) -> None:
        window, _clerk, _pin, service = DESKS[i]
        kiosk, pad = _LightClient(url, KIOSK), _LightClient(url, PADS)
        try:
            while time.monotonic() < stop:
                answers = [kiosk.post("/api/tickets", {"service": service})[0],
                           pad.post(f"/api/windows/{window}/next")[0],
                           pad.post(f"/api/windows/{window}/finish")[0]]
                # 409: another window serving the same service took the ticket
                if answers[0] != 201 or answers[1] != 200 or answers[2] not in (200, 409):
                    raise RuntimeError(f"window {window}: answers {answers}")
                counts[i] += 3
        finally:
            kiosk.close()
            pad.close()

    started = time.monotonic()
    _in_threads(8, work)
    elapsed = time.monotonic() - started
    figure("mixed ops/s (issue/next/finish, 8 clients, http.client)",
           f"{sum(counts) / elapsed:.0f} /s", "≥ 500 /s")


async def _call_next(http: httpx.AsyncClient) -> tuple[float, str]:
    """A ticket of the fund, then window 8 calls it: the timed change is the call."""
    issued = await http.post("/api/tickets", json={"service": "fund"},
                             headers={"Authorization": f"Bearer {KIOSK}"})
    issued.raise_for_status()
    await asyncio.sleep(0.02)
    sent = time.perf_counter()
    called = await http.post("/api/windows/8/next", headers={"Authorization": f"Bearer {PADS}"})
    return sent, str(called.json()["ticket"]["number"])


def _called(event: dict[str, Any]) -> str | None:
    return str(event["ticket"]["number"]) if event["type"] == "ticket.called" else None


def bench_events(url: str, subscribers: int, rounds: int) -> None:
    latencies = asyncio.run(fan_out(url, PADS, subscribers, rounds, _call_next, _called,
                                    "events"))
    at = f"next → event at {subscribers} subscribers"
    figure(f"{at} p50", f"{percentile(latencies, 0.5):.1f} ms")
    figure(f"{at} p99", f"{percentile(latencies, 0.99):.1f} ms", "≤ 50 ms")


def bench_report(workdir: Path, days: int, per_day: int) -> None:
    db = workdir / "year.db"
    started = time.monotonic()
    first = date.today() - timedelta(days=days)
    total = fill_sqlite(db, first, days, per_day)  # the report bench's history
    day = first + timedelta(days=days // 2)
    made = time.monotonic() - started
    print(f"history: {total} tickets over {days} days written in {made:.1f} s", flush=True)
    with running_server(db) as url, _client(url, ADMIN) as c:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            report = c.get(f"/api/reports/daily?date={day.isoformat()}")
            times.append((time.perf_counter() - started) * 1000)
            report.raise_for_status()
        issued = report.json()["issued"]
    figure(f"daily report over {total / 1e6:.2f} M tickets (median of 5, {issued}/day)",
           f"{statistics.median(times):.0f} ms", "≤ 1000 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs (a smoke test)")
    args = parser.parse_args()
    quick = args.quick
    workdir = Path(tempfile.mkdtemp(prefix="hallq-bench-"))
    try:
        with running_server(workdir / "hall.db") as url:
            _login_all(url)
            bench_issue(url, per_client=15 if quick else 250)
            bench_mixed(url, seconds=1.5 if quick else 10)
            bench_events(url, subscribers=20 if quick else 200, rounds=5 if quick else 40)
        bench_report(workdir, days=5 if quick else 365, per_day=400 if quick else 4000)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
