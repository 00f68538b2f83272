"""The migrations ship in the wheel: an installed hallq, run from any folder, upgrades a
database of hallq 0.1 and reports its day as 0.1 did."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.server.storage.test_release_upgrade import cells, printed_now
from tests.test_installed import installed, run_installed

FIXTURES = Path(__file__).parent / "server" / "storage" / "fixtures"
__all__ = ["installed"]  # the fixture: a fresh venv holding only the wheel


@pytest.mark.slow
def test_the_installed_hallq_upgrades_a_release_database(installed: Path,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(FIXTURES / "release-0.1.db", db)
    facts = json.loads((FIXTURES / "release-0.1.json").read_text(encoding="utf-8"))
    upgraded = run_installed(installed, tmp_path, "db", "upgrade", "--db", f"sqlite:///{db}")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from schema revision 0.1" in upgraded.stdout
    report = run_installed(installed, tmp_path, "report", "--date", facts["day"], "--db",
                           f"sqlite:///{db}", "--config",
                           str(FIXTURES / "release-0.1.hall.toml"))
    assert report.returncode == 0, report.stderr
    assert cells(report.stdout) == printed_now(facts["report_printed"], facts["report"])
