"""``hallq config export`` and ``hallq config import``: TOML that imports back unchanged, the
differences shown before anything is applied, a file with errors refused as a whole."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hallq.cli import main
from tests.server.realfix import ADMIN, KIOSK, ROOT, RealServer

HALL = ROOT / "config" / "hall.toml"


def hallq(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["config", "--config", str(HALL), "--db", f"sqlite:///{db}", *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_export_then_import_changes_nothing(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    code, text, _ = hallq(capsys, db, "export")
    assert code == 0
    data = tomllib.loads(text)
    assert [s["code"] for s in data["services"]][:3] == ["biz", "estate", "social"]
    assert "# Windows: the services each serves" in text
    assert all("token" not in d and len(d["token_sha256"]) == 64 for d in data["devices"])
    exported = tmp_path / "hall.toml"
    exported.write_text(text, encoding="utf-8")
    code, out, _ = hallq(capsys, db, "import", str(exported), "--yes")  # seeds the database
    assert code == 0 and "no differences" in out
    before = rows(db, "SELECT kind, id, version, body FROM config_items ORDER BY kind, id")
    assert len(before) == 2 + 11 + 14 + 12 + 6
    again = hallq(capsys, db, "export")[1]
    assert again == text
    exported.write_text(again, encoding="utf-8")
    code, out, _ = hallq(capsys, db, "import", str(exported), "--yes")
    assert code == 0 and "no differences" in out
    assert rows(db, "SELECT kind, id, version, body FROM config_items ORDER BY kind, id") == before


def test_import_shows_the_differences_and_applies_them_when_confirmed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "h.db"
    text = hallq(capsys, db, "export")[1]
    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace('name = "企业开办"', 'name = "企业开办（一窗通）"')
                       .replace('id = "tv-1"', 'id = "tv-lobby"'), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = hallq(capsys, db, "import", str(changed))
    assert code == 1 and "nothing changed" in out
    assert out.splitlines()[:3] == ["~ services/biz: name", "+ devices/tv-lobby",
                                    "- devices/tv-1"]
    assert rows(db, "SELECT version FROM config_items WHERE id = 'biz'") == [(1,)]
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, _ = hallq(capsys, db, "import", str(changed))
    assert code == 0 and "applied: 3 changes" in out
    assert rows(db, "SELECT version, body LIKE '%一窗通%' FROM config_items WHERE id = 'biz'"
                ) == [(2, 1)]
    audit = rows(db, "SELECT who, action, target FROM audit_log WHERE action = 'config.import'")
    assert sorted(str(a[2]) for a in audit) == ["devices/tv-1", "devices/tv-lobby",
                                                "services/biz"]
    assert all(str(a[0]).startswith("cli:") for a in audit)


def test_a_file_with_an_error_is_refused_as_a_whole(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    text = hallq(capsys, db, "export")[1]
    assert hallq(capsys, db, "import", str(HALL), "--yes")[0] == 0  # seeds the database
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('name = "企业开办"', 'name = "企业开办（一窗通）"')
                      .replace('prefix = "B"', 'prefix = "A"'), encoding="utf-8")
    before = rows(db, "SELECT kind, id, version, body FROM config_items ORDER BY kind, id")
    code, out, err = hallq(capsys, db, "import", str(broken), "--yes")
    assert code == 2 and "prefix 'A' is used twice" in err and out == ""
    assert rows(db, "SELECT kind, id, version, body FROM config_items ORDER BY kind, id") == before
    missing = hallq(capsys, db, "import", str(tmp_path / "nope.toml"), "--yes")
    assert missing[0] == 2 and "nope.toml" in missing[2]


@pytest.mark.slow  # a server process
def test_import_goes_through_the_running_server_and_takes_effect_at_once(
        real: RealServer, tmp_path: Path) -> None:
    env = {**os.environ, "HALLQ_ADMIN_TOKEN": ADMIN}
    base = [sys.executable, "-m", "hallq", "config", "--config", str(HALL), "--db",
            f"sqlite:///{real.db}"]
    alone = subprocess.run([*base, "import", str(HALL), "--yes"], capture_output=True,
                           text=True, cwd=ROOT, env=env)
    assert alone.returncode == 2 and "--server" in alone.stderr  # the server has the database
    exported = subprocess.run([*base, "export"], capture_output=True, text=True, cwd=ROOT,
                              env=env)
    assert exported.returncode == 0 and 'name = "企业开办"' in exported.stdout
    changed = tmp_path / "changed.toml"
    changed.write_text(HALL.read_text(encoding="utf-8").replace(
        'name = "企业开办"', 'name = "企业开办（一窗通）"'), encoding="utf-8")
    done = subprocess.run([*base, "import", str(changed), "--server", real.url, "--yes"],
                          capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert "~ services/biz: name" in done.stdout
    services = real.ok("GET", "/api/services", KIOSK)
    assert services[0]["name"] == "企业开办（一窗通）"
