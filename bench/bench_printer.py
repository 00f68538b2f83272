"""Ticket printing figures: bytes per ticket, transmit time at serial speeds, render time.

Run: .venv/bin/python bench/bench_printer.py   (prints figures; never fails on time)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.figures import figure, percentile
from hallq.hardware.printer import TicketPrinter, load_profile
from hallq.hardware.printer.transports.preview import PreviewTransport
from hallq.print_sample import slip_from_hall_config

RUNS = 1000
HALL = Path(__file__).resolve().parents[1] / "config" / "hall.toml"
BAUDS = (9600, 115200)


def _printer(profile: str) -> TicketPrinter:
    return TicketPrinter(PreviewTransport("preview:bench", Path("unused")), load_profile(profile))


def _render_times(printer: TicketPrinter, runs: int) -> list[float]:
    slip = slip_from_hall_config(HALL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        printer.render(slip)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    slip = slip_from_hall_config(HALL)
    print(f"example hall's ticket {slip.number} of {slip.hall_name}, "
          f"{len(slip.materials)} materials, QR")
    runs_each = RUNS // 20 if "--quick" in sys.argv else RUNS
    for profile, runs in (("default", runs_each), ("gbk-80", runs_each),
                          ("raster-80", max(5, runs_each // 10))):
        printer = _printer(profile)
        size = len(printer.render(slip).data)
        transmit = ", ".join(f"{size * 10 / baud:6.2f} s at {baud} baud" for baud in BAUDS)
        times = sorted(_render_times(printer, runs))
        p50 = statistics.median(times) * 1000
        p99 = percentile(times, 0.99) * 1000
        print(f"{profile:10} {printer.profile.mode:6} {size:7d} bytes  {transmit}  "
              f"render p50 {p50:.2f} ms p99 {p99:.2f} ms ({runs} runs)")
        goal = "≤ 600 bytes" if profile == "default" else ""
        figure(f"bytes per ticket, profile {profile} ({printer.profile.mode})", f"{size} bytes",
               goal)
        for baud in BAUDS:
            figure(f"transmit time, profile {profile}, {baud} baud", f"{size * 10 / baud:.2f} s")


if __name__ == "__main__":
    main()
