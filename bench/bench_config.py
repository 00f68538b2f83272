"""Bench of the live configuration, against a real ``hallq server`` process (SQLite on disk,
durable commits):

1. a change (``PATCH /api/config/hall``, a new notice) → its ``config.changed`` event arriving
   at 200 WebSocket subscribers (includes the HTTP round trip: from sending the change);
2. a change (``PUT /api/config/services/…``, a renamed service) → the kiosk's service list
   (the real ``ServiceFeed`` over the shared Qt client) showing the new name.

Prints figures only; never asserts on time. ``--quick`` runs small versions."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_server import ADMIN, KIOSK, running_server
from bench.fan_out import fan_out
from bench.figures import figure, percentile


async def _change_notice(http: httpx.AsyncClient) -> tuple[float, str]:
    """The hall's notice changed (a new version each time)."""
    await asyncio.sleep(0.02)
    sent = time.perf_counter()
    answer = await http.patch("/api/config/hall", json={"notice": f"通知 {sent:.6f}"},
                              headers={"Authorization": f"Bearer {ADMIN}"})
    return sent, str(answer.json()["version"])


def _config_version(event: dict[str, Any]) -> str | None:
    if event["type"] == "config.changed" and event.get("version"):
        return str(event["version"])
    return None


def bench_events(url: str, subscribers: int, rounds: int) -> None:
    latencies = asyncio.run(fan_out(url, KIOSK, subscribers, rounds, _change_notice,
                                    _config_version, "config events"))
    at = f"config change → config.changed at {subscribers} subscribers"
    figure(f"{at} p50", f"{percentile(latencies, 0.5):.1f} ms")
    figure(f"{at} p99", f"{percentile(latencies, 0.99):.1f} ms", "≤ 1000 ms")


def bench_kiosk_list(url: str, rounds: int) -> None:
    from PySide6.QtWidgets import QApplication

    from hallq.client.connection import HallClient
    from hallq.kiosk.feed import ServiceFeed

    app = QApplication.instance() or QApplication(sys.argv[:1])
    client = HallClient(url, KIOSK)
    feed = ServiceFeed(client, refresh_seconds=3600)  # only the event refreshes the list

    def until(done: object, seconds: float = 10) -> bool:
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)
        return bool(done())  # type: ignore[operator]

    client.start()
    feed.start()
    until(lambda: bool(feed.services) and client.online)
    times: list[float] = []
    with httpx.Client(base_url=url, timeout=10,
                      headers={"Authorization": f"Bearer {ADMIN}"}) as http:
        for i in range(rounds):
            name = f"公积金（第{i}版）"
            sent = time.perf_counter()
            http.put("/api/config/services/fund", json={"name": name, "prefix": "D"}
                     ).raise_for_status()
            if until(lambda n=name: (found := feed.find("fund")) is not None
                     and found.name == n):
                times.append((time.perf_counter() - sent) * 1000)
    client.stop()
    missing = rounds - len(times)
    if missing:
        figure("kiosk lists not updated within 10 s", str(missing), "0")
    figure("config change → kiosk service list updated p50", f"{percentile(times, 0.5):.0f} ms")
    figure("config change → kiosk service list updated p99", f"{percentile(times, 0.99):.0f} ms",
           "≤ 1000 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs (a smoke test)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="hallq-bench-config-"))
    try:
        with running_server(workdir / "hall.db") as url:
            bench_events(url, subscribers=20 if args.quick else 200,
                         rounds=5 if args.quick else 40)
            bench_kiosk_list(url, rounds=5 if args.quick else 40)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
