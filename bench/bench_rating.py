"""Bench of the rating pad: from the clerk's finish to the pad asking for the rating.

The queue server runs as its own process on loopback (``hallq server``). A clerk thread takes a
ticket, calls it at window 3 and finishes it over HTTP; the moment the finish is answered starts
the clock. The rating pad (the real ``RatingPad`` over the shared ``HallClient``, offscreen) stops
it when its rating screen is up and painted. Then the pad taps 满意 and the time until the thanks
is shown (the rating stored by the server) is measured too. Prints figures; never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_server import KIOSK, PADS, _client, running_server
from bench.figures import figure, percentile

WINDOW, SERVICE = "3", "fund"


class Clerk(threading.Thread):
    """Serves ``count`` tickets, one after the other, waiting for the pad between them."""

    def __init__(self, url: str, count: int) -> None:
        super().__init__(daemon=True)
        self.url, self.count = url, count
        self.finished_at: dict[int, float] = {}
        self.pad_ready = threading.Event()
        self.error = ""

    def run(self) -> None:
        try:
            with _client(self.url, KIOSK) as kiosk, _client(self.url, PADS) as pad:
                for _ in range(self.count):
                    kiosk.post("/api/tickets", json={"service": SERVICE}).raise_for_status()
                    pad.post(f"/api/windows/{WINDOW}/next").raise_for_status()
                    self.pad_ready.clear()
                    done = pad.post(f"/api/windows/{WINDOW}/finish")
                    self.finished_at[done.json()["ticket"]["id"]] = time.perf_counter()
                    done.raise_for_status()
                    if not self.pad_ready.wait(10):
                        self.error = "the pad did not ask within 10 s"
                        return
        except Exception as e:
            self.error = str(e)


def measure(url: str, count: int) -> tuple[list[float], list[float], str]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hallq.caller.rating.pad import RatingPad
    from hallq.caller.rating.settings import PadSettings
    from hallq.caller.rating.texts import TEXTS
    from hallq.client import theme
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app)
    client = HallClient(url, PADS)
    pad = RatingPad(client, WINDOW, PadSettings(timeout_s=60, thanks_s=60), Texts(TEXTS))
    pad.resize(1280, 800)
    pad.show()
    client.start()
    with _client(url, PADS) as c:
        c.post(f"/api/windows/{WINDOW}/login", json={"clerk": "c03", "pin": "3456"}) \
            .raise_for_status()
    while not client.online:
        app.processEvents()
    clerk = Clerk(url, count)
    asked_at: dict[int, float] = {}
    thanked: list[float] = []
    tapped = [0.0]

    def on_asking(ticket: dict[str, object]) -> None:
        pad.repaint()  # shown: laid out and painted
        asked_at[int(str(ticket["id"]))] = time.perf_counter()
        tapped[0] = time.perf_counter()
        pad.ask.buttons[4].click()

    def on_thanked(_score: int) -> None:
        pad.repaint()
        thanked.append((time.perf_counter() - tapped[0]) * 1000)
        clerk.pad_ready.set()

    pad.flow.asking.connect(on_asking)
    pad.flow.thanked.connect(on_thanked)
    watch = QTimer(interval=20)
    watch.timeout.connect(lambda: app.quit() if not clerk.is_alive() else None)
    watch.start()
    clerk.start()
    app.exec()
    client.stop()
    pad.deleteLater()
    app.processEvents()
    # the event may reach the pad before the clerk's own answer does: then it is at most 0
    asked = [(at - clerk.finished_at[i]) * 1000 for i, at in asked_at.items()
             if i in clerk.finished_at]
    return asked, thanked, clerk.error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 tickets instead of 200")
    parser.add_argument("--tickets", type=int, default=0)
    args = parser.parse_args()
    count = args.tickets or (20 if args.quick else 200)
    with tempfile.TemporaryDirectory() as folder, running_server(Path(folder) / "h.db") as url:
        asked, thanked, error = measure(url, count)
    if error:
        figure("rating pad: error", error)
    figure("rating pad asked before the finish was answered",
           f"{sum(a <= 0 for a in asked)} of {len(asked)}")
    asked = [max(0.0, a) for a in asked]
    figure(f"finish answered -> rating pad asks p50 ({len(asked)} tickets)",
           f"{percentile(asked, 0.5):.1f} ms")
    figure(f"finish answered -> rating pad asks p99 ({len(asked)} tickets)",
           f"{percentile(asked, 0.99):.1f} ms", "≤ 150 ms")
    figure("finish answered -> rating pad asks max", f"{max(asked, default=0):.1f} ms")
    figure(f"tap 满意 -> thanks shown p99 ({len(thanked)} ratings)",
           f"{percentile(thanked, 0.99):.1f} ms", "≤ 300 ms")


if __name__ == "__main__":
    main()
