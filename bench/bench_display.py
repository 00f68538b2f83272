"""Bench of the TV call display: call → repaint latency with 300 windows, idle CPU, memory.

1. A server (its own process) for a temporary hall of 300 windows; the display in this
   process. For each ``POST /api/windows/{w}/next`` (sent with Qt's network, on this thread),
   the time from the HTTP reply received to the paint of the label showing the called number.
2. ``hallq display`` as its own offscreen process, idle with the notice line scrolling: CPU
   time used over a stretch of wall time (from /proc/<pid>/stat), as % of one core.
3. That process's resident memory (VmRSS).
Prints figures only; never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.bench_server import running_server
from bench.figures import figure, percentile

ADMIN = "bench-admin-token-000001"
DISPLAY = "bench-display-token-0001"
NOTICE = "请带齐材料，按叫号顺序到窗口办理。老年人、残疾人可走绿色通道。办事不满意，请扫码评价。"


def write_hall(path: Path, windows: int, services: int = 6, display_token: str = DISPLAY
               ) -> Path:
    """A hall config with ``windows`` windows, each serving every one of ``services``."""
    lines = ['[hall]', 'name = "压力测试政务服务中心"', f'notice = "{NOTICE}"', '',
             '[policy]', 'require_login = false', '']
    for s in range(services):
        lines += ['[[services]]', f'code = "s{s}"', f'name = "业务{s + 1}"',
                  f'prefix = "{"ABCDEFGHJKLM"[s]}"', '']
    for w in range(1, windows + 1):
        lines += ['[[windows]]', f'id = "{w}"', f'name = "{w}号窗口"', 'services = "*"', '']
    lines += ['[[devices]]', 'id = "tv"', 'kind = "display"', f'token = "{display_token}"', '']
    path.write_text("\n".join(lines), encoding="utf-8")
    return path



def measure_call_latency(url: str, windows: int, calls: int) -> list[float]:
    """Seconds from each ``next`` answered to the newest-call label painted with its number
    (0 when the event was painted before the answer arrived)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from hallq.client.connection import HallClient, Reply
    from hallq.client.i18n import Texts
    from hallq.display.tv.options import DisplayOptions
    from hallq.display.tv.texts import TEXTS
    from hallq.display.tv.window import DisplayWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    client, actor = HallClient(url, DISPLAY), HallClient(url, ADMIN)
    window = DisplayWindow(client, DisplayOptions(), Texts(TEXTS))
    window.resize(1920, 1080)
    window.show()
    answered: dict[str, float] = {}
    painted: dict[str, float] = {}
    results: list[float] = []
    label = window.newest.number

    def settle(number: str) -> None:
        if number in answered and number in painted:
            results.append(max(0.0, painted.pop(number) - answered.pop(number)))
            if len(results) == calls:
                loop.quit()
            else:
                QTimer.singleShot(10, call)

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and label.text() not in painted \
                    and label.text()[:1].isalpha():
                painted[label.text()] = time.perf_counter()
                settle(label.text())
            return False

    def on_reply(reply: Reply) -> None:
        now = time.perf_counter()
        if not reply.ok or not reply.data.get("ticket"):
            raise SystemExit(f"bench_display: next failed: {reply.code} {reply.message}")
        number = reply.data["ticket"]["number"]
        answered[number] = now
        settle(number)

    def call() -> None:
        actor.post(f"/api/windows/{len(results) % windows + 1}/next", None, on_reply)

    watch = PaintWatch()
    label.installEventFilter(watch)
    client.snapshotChanged.connect(lambda _: QTimer.singleShot(500, call)
                                   if not results and not answered else None)
    client.start()
    loop = QEventLoop()  # not app.exec(): Qt's quit() closes every window
    QTimer.singleShot(120_000, loop.quit)  # never hang
    loop.exec()
    frames, started = window.ticker.frames, time.perf_counter()
    QTimer.singleShot(2000, loop.quit)
    loop.exec()
    rate = (window.ticker.frames - frames) / (time.perf_counter() - started)
    figure("display: notice line frames painted per second", f"{rate:.0f}", "about 30")
    window.detach()
    client.stop()
    return results


def bench_latency(url: str, windows: int, calls: int) -> None:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {ADMIN}"}) as http:
        for i in range(calls):
            http.post("/api/tickets", json={"service": f"s{i % 6}"}).raise_for_status()
    seconds = measure_call_latency(url, windows, calls)
    ms = [1000 * s for s in seconds]
    figure(f"display: call answered → number repainted, p50 ({windows} windows)",
           f"{statistics.median(ms):.1f} ms")
    figure(f"display: call answered → number repainted, p99 ({windows} windows)",
           f"{percentile(ms, 0.99):.1f} ms", "≤ 100 ms")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


SCREEN = ('{"synchronousWindowSystemEvents": false, "windowFrameMargins": false, "screens": '
          '[{"name": "tv", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, '
          '"logicalBaseDpi": 96, "dpr": 1}]}')


def bench_idle(url: str, config: Path, seconds: float) -> None:
    screen = config.with_name("screen.json")  # one offscreen screen of 1920x1080
    screen.write_text(SCREEN, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "HALLQ_DISPLAY_TOKEN": DISPLAY}
    process = subprocess.Popen(
        [sys.executable, "-m", "hallq", "display", "--server", url, "--config", str(config),
         "--no-voice"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(4)  # started, connected, first paint done
        cpu, wall = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        used = (_cpu_seconds(process.pid) - cpu) / (time.monotonic() - wall)
        figure(f"display: CPU while idle, notice scrolling (1920x1080 offscreen, {seconds:.0f} s)",
               f"{100 * used:.1f} % of a core", "≤ 5 %")
        figure("display: resident memory (idle, 300 windows)", f"{_rss_mb(process.pid):.0f} MB",
               "≤ 200 MB")
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run")
    args = parser.parse_args()
    windows = 300
    calls, idle_s = (40, 5.0) if args.quick else (300, 20.0)
    with tempfile.TemporaryDirectory(prefix="hallq-bench-display-") as folder:
        config = write_hall(Path(folder) / "hall.toml", windows)
        with running_server(Path(folder) / "hall.db", config, ADMIN) as url:
            bench_latency(url, windows, calls)
            bench_idle(url, config, idle_s)


if __name__ == "__main__":
    main()
