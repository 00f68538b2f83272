"""``hallq caller`` as its own process, driven from outside like the demo does (client.probe)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.apps import KIOSK, WINDOWS, Hall
from tests.live_server import HALL


@pytest.mark.slow  # a caller pad process and a server process: ~3 s here
def test_hallq_caller_logs_in_calls_and_finishes(tmp_path: Path) -> None:
    hall = Hall(tmp_path, str(HALL))
    try:
        hall.start_server()
        ticket = hall.call("POST", "/api/tickets", KIOSK, {"service": "biz"})
        hall.start_app("caller", "caller", "--window", "3", "--token", WINDOWS,
                       "--config", str(HALL))
        hall.shows("caller", "3号窗口 · 工作人员登录")
        hall.command("caller", "fill 工号=c03", "fill 密码=3456", "click 登录")
        hall.shows("caller", "叫号 F1")
        hall.command("caller", "click 叫号")
        texts = hall.shows("caller", ticket["number"])
        assert "企业开办" in texts
        assert hall.call("GET", f"/api/tickets/{ticket['id']}")["status"] == "called"
        hall.command("caller", "key F4")
        hall.shows("caller", f"{ticket['number']} 已办结")
        assert hall.call("GET", f"/api/tickets/{ticket['id']}")["status"] == "done"
    finally:
        hall.close()
