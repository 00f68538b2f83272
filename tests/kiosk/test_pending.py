"""The kiosk keeps its unanswered cancels in the hall's data folder ($HALLQ_DATA), where the
logs and the database live, so a kiosk run as a service finds them again after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.kiosk.pending import PendingCancels, default_path


def test_the_pending_cancels_live_in_the_data_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLQ_DATA", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "kiosk-pending-cancels.json"


def test_a_cancel_kept_there_is_found_again_after_a_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLQ_DATA", str(tmp_path / "data"))
    PendingCancels(default_path()).add(7)
    assert (tmp_path / "data" / "kiosk-pending-cancels.json").is_file()
    again = PendingCancels(default_path())
    assert again.ids == {7}
    again.done(7)
    assert PendingCancels(default_path()).ids == set()
