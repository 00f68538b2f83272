"""The installer's commands: hash-pin and the appointments import."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hallq.cli import main
from hallq.server.domain.secrets import check_pin
from tests.live_server import HALL

ROWS = """code,service,slot_start,slot_end,citizen_id
APT1,biz,2026-11-23T09:00+08:00,2026-11-23T09:30+08:00,110101199001011234
APT2,estate,2026-11-23T10:00+08:00,2026-11-23T10:30+08:00,13800138000
"""


def test_hash_pin_prints_a_hash_the_server_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash-pin", "--pin", "4321"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("pbkdf2_sha256$") and "4321" not in printed
    assert check_pin("4321", printed) and not check_pin("4322", printed)


def test_hash_pin_refuses_what_is_not_a_pin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash-pin", "--pin", "12"]) == 2
    assert "4 to 12 digits" in capsys.readouterr().err


def test_import_keeps_citizens_numbers_only_hashed(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    csv_file, db = tmp_path / "a.csv", tmp_path / "h.db"
    csv_file.write_text(ROWS, encoding="utf-8")
    assert main(["appointments", str(csv_file), "--config", str(HALL),
                 "--db", f"sqlite:///{db}"]) == 0
    assert "imported 2" in capsys.readouterr().out
    dump = "\n".join(sqlite3.connect(db).iterdump())
    assert "APT1" in dump and "APT2" in dump
    assert "110101199001011234" not in dump and "13800138000" not in dump  # 5.6.2
    assert "**************1234" in dump


def test_a_bad_row_names_the_line_and_imports_nothing(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    csv_file, db = tmp_path / "a.csv", tmp_path / "h.db"
    csv_file.write_text(ROWS + "APT3,nope,2026-11-23T09:00+08:00,2026-11-23T09:30+08:00,\n",
                        encoding="utf-8")
    assert main(["appointments", str(csv_file), "--config", str(HALL),
                 "--db", f"sqlite:///{db}"]) == 2
    assert "line 4: service: no service 'nope'" in capsys.readouterr().err
    assert sqlite3.connect(db).execute("select count(*) from appointments").fetchone() == (0,)
