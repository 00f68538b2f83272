"""One version, pyproject.toml's: ``hallq --version`` and the server's OpenAPI say the same."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hallq.cli import main
from hallq.server.bootstrap import build

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_command_says_the_version_of_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"hallq {VERSION}"


def test_the_server_documents_the_version_of_pyproject(tmp_path: Path) -> None:
    server = build(ROOT / "config" / "hall.toml", f"sqlite:///{tmp_path / 'hall.db'}")
    assert server.app.openapi()["info"]["version"] == VERSION
