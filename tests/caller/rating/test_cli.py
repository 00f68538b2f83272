"""``hallq rate`` as its own process, driven from outside like the demo does (client.probe)."""

from __future__ import annotations

from pathlib import Path

from hallq.apps import KIOSK, WINDOWS, Hall
from tests.live_server import HALL


def test_hallq_rate_shows_the_clerk_and_asks_after_a_finish(tmp_path: Path) -> None:
    hall = Hall(tmp_path, str(HALL))
    try:
        hall.start_server()
        hall.start_app("rate", "rate", "--window", "3", "--token", WINDOWS,
                       "--config", str(HALL))
        hall.shows("rate", "窗口未开放")
        hall.call("POST", "/api/windows/3/login", WINDOWS, {"clerk": "c03", "pin": "3456"})
        hall.shows("rate", "张敏")
        hall.shows("rate", "工号：ZW003")
        ticket = hall.call("POST", "/api/tickets", KIOSK, {"service": "biz"})
        hall.call("POST", "/api/windows/3/next", WINDOWS)
        hall.call("POST", "/api/windows/3/finish", WINDOWS)
        texts = hall.shows("rate", "非常满意")
        assert f"{ticket['number']}号 · 企业开办" in texts
        hall.command("rate", "click 满意")  # exactly 满意 (4), not 非常满意
        hall.shows("rate", "谢谢您的评价")
        report = hall.call("GET", "/api/reports/daily")
        assert report["ratings"]["4"] == 1 and sum(report["ratings"].values()) == 1
    finally:
        hall.close()
