"""Bench of issuing a ticket with an empty and a long queue: the cost must not grow with it.

The service layer as the server runs it (``HallService``, the writer thread, SQLite on disk with
durable commits, the example hall), issuing tickets of one service while 0 and then 10,000
tickets of that service wait. Each issue answers the ticket, how many are ahead of it and the
waiting counts of every service; each ticket is cancelled again outside the timing, so the queue
keeps its length. Prints issue p50 at both lengths and their ratio; never asserts on time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.figures import figure, percentile
from hallq.common.paths import example
from hallq.server.config import load_hall
from hallq.server.domain.events import Event
from hallq.server.service.hall_service import HallService
from hallq.server.service.work import Work
from hallq.server.storage.engine import open_engine
from hallq.server.storage.store import Store

SERVICE = "general"
LONG = 10_000


def open_service(folder: Path) -> HallService:
    folder.mkdir()
    hall = load_hall(example())
    services = tuple(replace(s, hours=(), daily_quota=None) for s in hall.services)
    hall = replace(hall, hours=(), services=services)  # open all hours, no quota
    return HallService(hall, Store(open_engine(f"sqlite:///{folder / 'hall.db'}"), hall.timezone))


def fill(hs: HallService, count: int) -> None:
    """``count`` tickets of ``SERVICE`` waiting, issued in one command (one commit)."""
    service = hs.hall.service(SERVICE)
    assert service is not None

    def command(work: Work) -> tuple[None, list[Event]]:
        for n in range(count):
            work.state.issue(service, hs.local(work.now).date(), work.now, f"fill{n}")
        return None, []

    hs.work.run(command)


def issue_once(hs: HallService, waiting: int) -> float:
    start = time.perf_counter()
    issued = hs.issue(SERVICE)
    elapsed = 1000 * (time.perf_counter() - start)
    assert issued.waiting_ahead == waiting, issued.waiting_ahead
    hs.cancel(issued.id, "bench")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run")
    args = parser.parse_args()
    runs = 50 if args.quick else 500
    levels = (0, LONG)
    with tempfile.TemporaryDirectory() as tmp:
        halls = {n: open_service(Path(tmp) / str(n)) for n in levels}
        try:
            for n, hs in halls.items():
                fill(hs, n)
                for _ in range(10):  # warm up: the first commits
                    issue_once(hs, n)
            times: dict[int, list[float]] = {n: [] for n in levels}
            for _ in range(runs):  # in turns, so that the machine's load weighs on both alike
                for n, hs in halls.items():
                    times[n].append(issue_once(hs, n))
        finally:
            for hs in halls.values():
                hs.close()
    for n in levels:
        figure(f"issue: ticket issued, p50 with {n:,} waiting",
               f"{statistics.median(times[n]):.2f} ms")
        figure(f"issue: ticket issued, p99 with {n:,} waiting",
               f"{percentile(times[n], 0.99):.2f} ms")
    ratio = statistics.median(times[LONG]) / statistics.median(times[0])
    figure(f"issue: p50 with {LONG:,} waiting / p50 with 0", f"{ratio:.2f}", "≤ 1.2")


if __name__ == "__main__":
    main()
