"""``hallq report`` against a running server: the table on screen and the CSV file."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.server.realfix import ADMIN, KIOSK, PADS, ROOT, RealServer

pytestmark = pytest.mark.slow


def test_hallq_report_prints_the_table_and_writes_csv(real: RealServer, tmp_path: Path) -> None:
    import subprocess
    import sys

    real.login("4", "c02")
    for _ in range(3):
        real.ok("POST", "/api/tickets", KIOSK, json={"service": "biz"})
    first = real.ok("POST", "/api/windows/4/next", PADS)["ticket"]
    real.ok("POST", "/api/windows/4/next", PADS)
    real.ok("POST", f"/api/tickets/{first['id']}/rating", PADS, json={"score": 4})
    real.ok("POST", "/api/windows/4/skip", PADS)
    day = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "hallq", "report", "--date", day, "--config", "config/hall.toml",
         "--db", f"sqlite:///{real.db}", "--csv", str(out)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert f"示例县政务服务中心 — daily report {day}" in done.stdout
    assert "满意率: 100.0%" in done.stdout
    hall_line = next(line for line in done.stdout.splitlines() if line.startswith("hall "))
    assert hall_line.split()[2:5] == ["3", "1", "1"]  # issued, served, missed
    service_line = next(line for line in done.stdout.splitlines() if line.startswith("service"))
    assert service_line.split()[1:6] == ["biz", "企业开办", "3", "1", "1"]
    assert any(line.split()[:3] == ["clerk", "c02", "李强"] for line in done.stdout.splitlines())
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["group"] == "hall" and rows[0]["issued"] == "3"
    assert any(r["group"] == "clerk" and r["name"] == "李强" for r in rows)
    assert real.ok("GET", "/api/state", ADMIN)["waiting"]["biz"] == 1
