"""``hallq report --from/--to``: a period's tables on screen, as CSV and as XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from hallq.cli import main
from tests.server.api.test_routes_reports import SUNDAY_EVENING, two_days
from tests.server.apifix import HALL, make_api


def test_a_period_on_screen_and_in_files(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for api in make_api(tmp_path, open_all_hours=True, start=SUNDAY_EVENING):
        two_days(api)
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    csv, xlsx = tmp_path / "r.csv", tmp_path / "r.xlsx"
    assert main(["report", "--config", str(HALL), "--db", db, "--from", "2026-11-30",
                 "--to", "2026-12-01", "--csv", str(csv), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "report 2026-11-30 – 2026-12-01 (2 days)" in out
    overview = out.splitlines()[out.splitlines().index("[总览]") + 2].split()
    assert overview[:6] == ["2026-11-30", "至", "2026-12-01", "3", "2", "1"]
    assert any(line.split()[:2] == ["2026-12-01", "2"] for line in out.splitlines())
    assert any(line.split()[:3] == ["1", "c02", "李强"] for line in out.splitlines())
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_workbook(xlsx)["按人员"]["B3"].value == "李强"
    # one day as before: the daily report
    assert main(["report", "--config", str(HALL), "--db", db, "--date", "2026-12-01"]) == 0
    assert "daily report 2026-12-01" in capsys.readouterr().out


def test_a_backwards_period_is_refused(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    assert main(["report", "--config", str(HALL), "--db", db, "--from", "2026-12-01",
                 "--to", "2026-11-01"]) == 2
    assert "--to:" in capsys.readouterr().err
