"""Caller pad figures: from the clerk's press on "叫号" (a button click) to the pad showing the
called ticket's number (label set and painted), with a real ``hallq server`` process on
loopback (SQLite on disk, durable commits). Each call also finishes the ticket before it, as
a clerk's "next" does. Prints figures; never asserts on time. ``--quick`` runs a small version.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx

from bench.bench_server import KIOSK, PADS, running_server
from bench.figures import figure, percentile

PAUSE_MS = 20  # between a number shown and the next press



class Clerk:
    """Presses 叫号 once the pad shows the last number, as a (very fast) clerk would; the
    time runs from the click to the number on screen. Driven by the app's own event loop."""

    def __init__(self, window: Any, numbers: list[str], app: Any) -> None:
        from PySide6.QtCore import QTimer

        self.window, self.numbers, self.app = window, numbers, app
        self.label = window.work.ticket.number
        self.times: list[float] = []
        self.started = 0.0
        self.pause = QTimer(singleShot=True, interval=PAUSE_MS)
        self.pause.timeout.connect(self.press)
        self.guard = QTimer(singleShot=True, interval=5000)
        self.guard.timeout.connect(app.quit)
        window.s.changed.connect(self.check)

    def press(self) -> None:
        self.started = time.perf_counter()
        self.guard.start()
        self.window.work.board.buttons["next"].click()

    def check(self) -> None:
        if self.started and self.label.text() == self.numbers[len(self.times)]:
            self.label.repaint()  # painted, not only set
            self.times.append(time.perf_counter() - self.started)
            self.started = 0.0
            self.guard.stop()
            if len(self.times) == len(self.numbers):
                self.app.quit()
            else:
                self.pause.start()


def press_to_shown(url: str, calls: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from hallq.caller.pad.session import PadSession
    from hallq.caller.pad.texts import TEXTS
    from hallq.caller.pad.window import PadWindow
    from hallq.client import theme
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {KIOSK}"}) as kiosk:
        numbers = [kiosk.post("/api/tickets", json={"service": "general"}).json()["number"]
                   for _ in range(calls)]
        kiosk.post("/api/windows/3/login", json={"clerk": "c03", "pin": "3456"},
                   headers={"Authorization": f"Bearer {PADS}"}).raise_for_status()
    texts = Texts(TEXTS)
    client = HallClient(url, PADS)
    session = PadSession(client, "3", texts)
    window = PadWindow(session, texts, ["午休"])
    window.resize(1280, 800)
    window.show()
    clerk = Clerk(window, numbers, app)
    # start once the pad is logged in and knows the services
    session.servicesChanged.connect(lambda _s: clerk.pause.start())
    session.start()
    app.exec()
    client.stop()
    if len(clerk.times) != calls:
        raise RuntimeError(f"the pad did not show {numbers[len(clerk.times)]} "
                           f"(it shows {clerk.label.text()})")
    return clerk.times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    calls = 40 if args.quick else 300
    with tempfile.TemporaryDirectory(prefix="hallq-bench-caller-") as folder, \
            running_server(Path(folder) / "hall.db") as url:
        times = [t * 1000 for t in press_to_shown(url, calls)]
    figure(f"caller: press 叫号 to number shown p50 ({calls} calls)",
           f"{statistics.median(times):.1f} ms")
    figure(f"caller: press 叫号 to number shown p99 ({calls} calls)",
           f"{percentile(times, 0.99):.1f} ms", "≤ 100 ms")
    figure("caller: press 叫号 to number shown max", f"{max(times):.1f} ms")


if __name__ == "__main__":
    main()
