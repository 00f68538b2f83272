"""``hallq demo`` renders the hall's names before starting the display, so its assistance desk
is announced by name; without espeak-ng it says why names are read by number instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hallq.common.paths import example
from hallq.demo import _build_voice


def test_the_demo_builds_the_name_clips_into_its_data_folder(tmp_path: Path) -> None:
    _build_voice(str(example()), tmp_path / "data")
    assert (tmp_path / "data" / "voice" / "built" / "帮办代办窗口.wav").is_file()


def test_without_espeak_ng_the_demo_says_so_and_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    _build_voice(str(example()), tmp_path / "data")
    assert "names are not spoken by name: espeak-ng is not installed" in capsys.readouterr().err
