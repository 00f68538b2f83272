"""The demo clerks' table in the README is true: every 工号, id and PIN logs in with the
example config."""

from __future__ import annotations

import re
from pathlib import Path

from hallq.server.config import load_hall
from hallq.server.domain.secrets import check_pin

ROOT = Path(__file__).resolve().parents[1]


def test_every_demo_pin_in_the_readme_matches_the_example_config() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"\| (ZW\d{3}) \| (c\d\d) \| [^|]+ \| (\d{4}) \|", readme)
    hall = load_hall(ROOT / "config" / "hall.toml")
    assert len(rows) == len(hall.clerks) == 12
    for job, clerk_id, pin in rows:
        clerk = hall.clerk_logging_in(job)
        assert clerk is not None and clerk.id == clerk_id, job
        assert check_pin(pin, clerk.pin_hash), f"{job}: the README's PIN is wrong"
