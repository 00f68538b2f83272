"""A PIN a clerk chose outranks the config's, until IT gives a new one in the config."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.server.bootstrap import build
from hallq.server.domain.errors import Forbidden
from hallq.server.domain.secrets import hash_pin
from tests.server.realfix import ROOT

CONFIG = ROOT / "config" / "hall.toml"


def test_a_new_pin_in_the_config_outranks_the_one_the_clerk_chose(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    first = build(CONFIG, db, open_all_hours=True).service
    first.login("3", "ZW003", "3456")
    first.change_pin("3", "3456", "8642")
    first.logout("3")
    again = build(CONFIG, db, open_all_hours=True).service  # a restart: the chosen PIN holds
    with pytest.raises(Forbidden):
        again.login("3", "c03", "3456")
    again.login("3", "c03", "8642")
    again.logout("3")

    old = next(line for line in CONFIG.read_text(encoding="utf-8").splitlines()
               if "demo PIN 3456" in line)
    reset = tmp_path / "hall.toml"  # IT resets the forgotten PIN to 1111 in the config
    reset.write_text(CONFIG.read_text(encoding="utf-8").replace(
        old, f'pin_hash = "{hash_pin("1111", iterations=1000)}"'), encoding="utf-8")
    after = build(reset, db, open_all_hours=True).service
    with pytest.raises(Forbidden):
        after.login("3", "c03", "8642")
    assert after.login("3", "c03", "1111")["clerk"]["id"] == "c03"
