"""``hallq report`` says which database it reads, and never creates one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.realfix import ROOT, RealServer

pytestmark = pytest.mark.slow  # separate processes


def report(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(data_home), "HOME": str(data_home),
           "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "hallq", "report", "--config",
                           "config/hall.toml", *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env)


def test_without_db_it_names_the_default_and_creates_nothing(tmp_path: Path) -> None:
    done = report(data_home=tmp_path)
    assert done.returncode == 2
    default = tmp_path / "hallq" / "hall.db"
    assert f"the default database (no --db given) {default} does not exist" in done.stderr
    assert "--db sqlite:///" in done.stderr
    assert done.stdout == ""  # no table of zeros
    assert not default.exists() and not default.parent.exists()


def test_a_missing_db_file_is_refused_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    done = report("--db", f"sqlite:///{missing}", data_home=tmp_path)
    assert done.returncode == 2
    assert f"--db {missing} does not exist" in done.stderr
    assert not missing.exists()


def test_with_the_servers_db_it_says_what_it_reads(real: RealServer, tmp_path: Path) -> None:
    real.login("4", "c02")
    done = report("--db", f"sqlite:///{real.db}", data_home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"hallq report: reading sqlite:///{real.db}" in done.stderr
    assert "daily report" in done.stdout
