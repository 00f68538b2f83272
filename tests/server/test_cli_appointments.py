"""``hallq appointments FILE.csv`` takes files as halls write them: Excel/WPS encodings, service
names, local times; every bad line is named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from hallq.cli import main
from tests.live_server import HALL
from tests.server.realfix import ADMIN, RealServer

HEADER = "code,service,slot_start,slot_end,citizen_id\n"


def run(tmp_path: Path, text: str, encoding: str) -> tuple[int, Path]:
    csv_file, db = tmp_path / "a.csv", tmp_path / "h.db"
    csv_file.write_bytes(text.encode(encoding))
    return main(["appointments", str(csv_file), "--config", str(HALL),
                 "--db", f"sqlite:///{db}"]), db


@pytest.mark.slow  # a server process reads the import back
def test_a_gbk_file_with_names_and_local_times(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    rows = HEADER + ("GBK1,企业开办,2026/11/23 9:00,2026/11/23 9:30,\n"
                     "GBK2,社保医保,2026-11-23 10:00,2026-11-23 10:30,\n")
    code, db = run(tmp_path, rows, "gbk")
    assert code == 0, capsys.readouterr().err
    assert "imported 2" in capsys.readouterr().out
    real = RealServer(db).start()
    try:
        got = httpx.get(f"{real.url}/api/appointments/GBK1", timeout=5,
                        headers={"Authorization": f"Bearer {ADMIN}"}).json()
        assert got["service"] == "biz"
        assert got["slot_start"].startswith("2026-11-23T09:00:00+08:00")  # the hall's zone
        other = httpx.get(f"{real.url}/api/appointments/GBK2", timeout=5,
                          headers={"Authorization": f"Bearer {ADMIN}"}).json()
        assert other["service"] == "social" and other["slot_end"].startswith(
            "2026-11-23T10:30:00+08:00")
    finally:
        real.stop()


def test_utf8_with_bom_and_a_code_given_as_written(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, db = run(tmp_path, HEADER + "bom1,BIZ,2026-11-23T09:00+08:00,2026-11-23T09:30+08:00,\n",
                   "utf-8-sig")
    assert code == 0, capsys.readouterr().err
    assert sqlite3.connect(db).execute("select code, service from appointments").fetchall() \
        == [("BOM1", "biz")]


def test_every_bad_line_is_named_and_nothing_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = HEADER + ("D1,企业开办,2026-11-23 09:00,2026-11-23 09:30,\n"
                     "D2,咖啡,2026-11-23 09:00,2026-11-23 09:30,\n"
                     "D1,税务,2026-11-23 10:00,2026-11-23 10:30,\n"
                     "D3,税务,明天上午,2026-11-23 10:30,\n")
    code, db = run(tmp_path, rows, "gbk")
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "nothing imported" in err
    assert "line 3: service: no service '咖啡'" in err
    assert "line 4: code: D1 is used twice (also line 2)" in err
    assert "line 5: slot_start: '明天上午' is not a time" in err
    assert sqlite3.connect(db).execute("select count(*) from appointments").fetchone() == (0,)


def test_a_code_already_booked_names_its_line(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    row = HEADER + "X1,biz,2026-11-23 09:00,2026-11-23 09:30,\n"
    assert run(tmp_path, row, "utf-8")[0] == 0
    capsys.readouterr()
    assert run(tmp_path, row, "utf-8")[0] == 2
    assert "line 2: code: X1 is already booked" in capsys.readouterr().err
