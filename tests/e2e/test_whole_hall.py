"""The whole hall as separate processes on loopback: one citizen's ticket from the kiosk to the
rating, checked on every screen, the printed ticket, the LED simulator and the daily report.

Every app is a real ``hallq`` process (offscreen), read and driven through ``client.probe``
exactly as ``hallq demo --screenshots`` does; nothing is imported from the apps here.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hallq.apps import BRIDGE, DISPLAY, KIOSK, WINDOWS, Hall
from tests.hardware.printer.escpos_tokens import text_lines, tokenize
from tests.live_server import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    running = Hall(tmp_path, str(ROOT / "config" / "hall.toml"))
    try:
        running.start_server()
        yield running
    finally:
        running.close()


def start_bus(hall: Hall) -> None:
    """The simulated LED screen, keypad and rating device of window 3, and the bridge to them."""
    bus = hall.folder / "bus.toml"
    hall.start_app("bus-sim", "bus-sim", "--bus-out", str(bus), "--windows", "3", windowed=False)
    hall.procs.hallq("bridge", "bridge", "--bus", str(bus), "--server", hall.url, "--token",
                     BRIDGE, "--config", hall.config, env=hall.env)


def test_a_ticket_from_the_kiosk_to_the_rating_on_every_screen(hall: Hall) -> None:
    tickets = hall.folder / "tickets"
    start_bus(hall)
    hall.start_app("display", "display", "--token", DISPLAY)
    hall.start_app("kiosk", "kiosk", "--token", KIOSK, "--printer", f"preview:{tickets}")
    hall.start_app("caller", "caller", "--window", "3", "--token", WINDOWS)
    hall.start_app("rate", "rate", "--window", "3", "--token", WINDOWS)

    # the clerk opens window 3: the display and the rating pad show it open, with her name
    hall.command("caller", "fill 工号=c03", "fill 密码=3456", "click 登录")
    hall.shows("caller", "叫号")
    hall.shows("rate", "张敏")
    hall.shows("rate", "ZW003")

    # a citizen reads the guide and takes a ticket; it is printed before it is shown
    hall.shows("kiosk", "企业开办")
    hall.command("kiosk", "click 企业开办")
    hall.shows("kiosk", "公司章程")
    hall.command("kiosk", "click 取号")
    hall.shows("kiosk", "A001")
    printed = sorted(tickets.glob("*.bin"))
    assert len(printed) == 1 and sorted(tickets.glob("*.png"))
    ticket_text = "\n".join(line.text for line in text_lines(tokenize(printed[0].read_bytes())))
    assert "A001" in ticket_text and "企业开办" in ticket_text and "公司章程" in ticket_text
    assert hall.call("GET", "/api/tickets/1")["status"] == "waiting"

    # the clerk calls it: caller pad, TV display, LED window screen and hall strip show it
    hall.command("caller", "click 叫号")
    hall.shows("caller", "A001")
    hall.shows("display", "A001")
    hall.shows("rate", "企业开办")
    hall.shows("bus-sim", "A001")
    state = hall.call("GET", "/api/state")
    assert state["last_calls"][0] == {**state["last_calls"][0], "number": "A001", "window": "3"}

    # recall: announced again, still the same ticket at window 3
    hall.command("caller", "click 重呼")
    hall.shows("display", "再次呼叫")
    recalls = [c for c in hall.call("GET", "/api/state")["last_calls"] if c["recall"]]
    assert [(c["number"], c["window"]) for c in recalls] == [("A001", "3")]

    # finish: the rating pad asks, the citizen rates 满意 (4)
    hall.command("caller", "click 办结")
    hall.shows("rate", "非常满意")
    hall.command("rate", "click 满意")
    hall.shows("rate", "谢谢")
    ticket = hall.call("GET", "/api/tickets/1")
    assert ticket["status"] == "done"

    # the daily report counts it, and so does `hallq report` on the same database
    report = hall.call("GET", "/api/reports/daily")
    assert (report["issued"], report["served"], report["missed"]) == (1, 1, 0)
    assert report["ratings"]["4"] == 1 and sum(report["ratings"].values()) == 1
    assert report["by_window"]["3"]["served"] == 1 and report["by_clerk"]["c03"]["served"] == 1
    printed_report = subprocess.run(
        [sys.executable, "-m", "hallq", "report", "--config", hall.config, "--db",
         f"sqlite:///{hall.folder / 'hall.db'}"], capture_output=True, text=True, timeout=60,
        check=True).stdout
    assert "企业开办" in printed_report and "张敏" in printed_report
