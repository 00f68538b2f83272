"""Kiosk figures: (1) from the touch on 取号 to the last byte handed to the printer, with a real
``hallq server`` process on loopback and a fake ESC/POS printer on a TCP port (status asked
before issuing, the server issues, the slip is laid out and written); (2) cold start: a fresh
``hallq kiosk`` process (offscreen) from its start to the first paint of the home screen with
the services on it. Prints figures; never asserts on time. ``--quick`` runs a small version.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.figures import figure, percentile
from hallq.apps import KIOSK, Hall
from tests.hardware.printer.fake_printer import FakePrinterCore

SERVICES = ("general", "social", "fund", "tax", "household", "estate")



class QuickTcpPrinter(FakePrinterCore):
    """The tests' fake printer logic behind a socket that answers at once, like a LAN printer
    (the tests' TCP fake polls every 50 ms, which would dominate this figure)."""

    def __init__(self) -> None:
        super().__init__("normal")
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"tcp://127.0.0.1:{self.server.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.server.accept()
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            while data := conn.recv(4096):
                answer = self.feed(data)
                if answer:
                    conn.sendall(answer)

    def close(self) -> None:
        self.server.close()


def touch_to_print(url: str, tickets: int) -> list[float]:
    from PySide6.QtCore import QEventLoop, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from hallq.client import theme
    from hallq.client.connection import HallClient
    from hallq.client.i18n import Texts
    from hallq.hardware.printer import open_printer
    from hallq.kiosk.printing import KioskPrinter
    from hallq.kiosk.texts import TEXTS
    from hallq.kiosk.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    fake = QuickTcpPrinter()
    window = KioskWindow(HallClient(url, KIOSK), KioskPrinter(open_printer(fake.url), 5),
                         Texts(TEXTS))
    window.resize(1920, 1080)
    window.show()
    window.start()
    loop = QEventLoop()
    done: list[float] = []

    def printed(_: object) -> None:
        done.append(time.perf_counter())
        loop.quit()

    window.flow.succeeded.connect(printed)
    window.flow.failed.connect(lambda *_: loop.quit())

    def touch(widget: QWidget) -> None:
        where = QPointF(20, 20)
        for kind in (QMouseEvent.Type.MouseButtonPress, QMouseEvent.Type.MouseButtonRelease):
            buttons = Qt.MouseButton.LeftButton if kind == QMouseEvent.Type.MouseButtonPress \
                else Qt.MouseButton.NoButton
            QApplication.postEvent(widget, QMouseEvent(
                kind, where, widget.mapToGlobal(where), Qt.MouseButton.LeftButton, buttons,
                Qt.KeyboardModifier.NoModifier))
    deadline = time.monotonic() + 20
    while not (window.home.buttons and window.printer.status and window.client.online) \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    times = []
    try:
        for i in range(tickets):
            window.go_home()
            window.home.buttons[SERVICES[i % len(SERVICES)]].click()
            take = window.guide.take_button
            started = time.perf_counter()
            touch(take)  # delivered by the event loop, as a real touch would be
            loop.exec()
            if not done or done[-1] < started:
                raise RuntimeError(f"the touch on {take.text()} did not print a ticket")
            times.append(done[-1] - started)
        sent = len(fake.job)
    finally:
        window.stop()
        fake.close()
    print(f"{tickets} tickets printed, {sent} bytes received by the fake printer")
    return times


def cold_start(url: str, printer: str) -> float:
    child = subprocess.run(
        [sys.executable, "-m", "bench.bench_kiosk", "--child", url, printer],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "BENCH_STARTED": repr(time.time())})
    lines = [line for line in child.stdout.splitlines() if line.startswith("painted ")]
    if not lines:
        raise RuntimeError(f"the kiosk did not paint its home screen: {child.stderr[-2000:]}")
    return float(lines[-1].split()[1])


def child(url: str, printer: str) -> None:
    """A fresh kiosk process: built by ``hallq kiosk``'s own composition root; prints the
    seconds from the process start to the first paint of home with the services, then ends."""
    from PySide6.QtCore import QEvent, QObject

    from hallq.kiosk import cli

    process_start = float(os.environ["BENCH_STARTED"])
    parser = argparse.ArgumentParser()
    cli.configure(parser)
    built = cli.build(parser.parse_args(["--server", url, "--token", KIOSK, "--printer",
                                         printer, "--windowed"]))
    assert not isinstance(built, int)
    app, window = built

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.home.buttons:
                print(f"painted {time.time() - process_start:.4f}", flush=True)
                app.quit()
            return False

    watch = PaintWatch()
    window.home.grid_host.installEventFilter(watch)
    window.start()
    app.exec()
    window.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("URL", "PRINTER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    tickets, starts = (30, 2) if args.quick else (200, 5)
    with tempfile.TemporaryDirectory() as folder:
        hall = Hall(Path(folder))
        try:
            hall.start_server()
            times = [t * 1000 for t in touch_to_print(hall.url, tickets)]
            figure(f"kiosk touch → last byte to printer p50 ({tickets} tickets)",
                   f"{statistics.median(times):.1f} ms")
            figure(f"kiosk touch → last byte to printer p99 ({tickets} tickets)",
                   f"{percentile(times, 0.99):.1f} ms", "≤ 150 ms")
            runs = [cold_start(hall.url, f"preview:{folder}/tickets") for _ in range(starts)]
            print("cold starts: " + ", ".join(f"{r:.2f} s" for r in runs))
            figure(f"kiosk cold start → home painted, median of {starts}",
                   f"{statistics.median(runs):.2f} s", "≤ 1.5 s")
        finally:
            hall.close()


if __name__ == "__main__":
    main()
