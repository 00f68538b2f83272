"""The server's default database is in the data folder, which $HALLQ_DATA chooses (as it does
for the logs and the voice clips)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.cli import main
from hallq.server.bootstrap import default_db_url
from tests.live_server import HALL


def test_the_default_database_follows_hallq_data(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HALLQ_DATA", str(tmp_path / "data"))
    assert default_db_url() == f"sqlite:///{tmp_path / 'data' / 'hall.db'}"
    assert main(["report", "--config", str(HALL)]) == 2  # nothing there yet: nothing to read
    said = capsys.readouterr().err
    assert str(tmp_path / "data" / "hall.db") in said and "does not exist" in said
    assert not (tmp_path / "data" / "hall.db").exists()
