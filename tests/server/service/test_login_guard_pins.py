"""A PIN a clerk chose outranks the configured one, until IT gives a new one in the live
configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.server.bootstrap import build
from hallq.server.domain.errors import Forbidden
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

    # IT resets the forgotten PIN to 1111 in the live configuration (the console, the API or
    # hallq config import: the database holds the hall's configuration since 0.2)
    server = build(CONFIG, db, open_all_hours=True)
    clerk = server.live.find("clerks", "c03")
    assert clerk is not None
    server.live.put("clerks", "c03", {**clerk.body, "pin": "1111"}, who="it")
    server.service.store.engine.dispose()
    after = build(CONFIG, db, open_all_hours=True).service  # and the server restarts
    with pytest.raises(Forbidden):
        after.login("3", "c03", "8642")
    clerk_after = after.login("3", "c03", "1111").clerk
    assert clerk_after is not None and clerk_after.id == "c03"
