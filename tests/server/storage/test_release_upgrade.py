"""A database written by hallq 0.1 (the release fixture, made by make_release_db.py) opens with
today's hallq with nothing lost: every row is there, the service finds every ticket, rating,
pause and appointment, and ``hallq report`` prints the same figures."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hallq.cli import main as hallq
from hallq.server.bootstrap import build
from hallq.server.service import reports
from hallq.server.storage import migrate
from tests.server.storage.make_release_db import table_rows

FIXTURES = Path(__file__).with_name("fixtures")
RELEASES = sorted(p.stem for p in FIXTURES.glob("release-*.db"))
LATER = datetime(2027, 3, 1, 2, 0, tzinfo=UTC)  # a later day: the fixture's day is history
ADMIN = "upgrade-admin-token"


def _copy(tmp_path: Path, name: str) -> tuple[Path, Path, dict[str, Any]]:
    db = tmp_path / "hall.db"
    shutil.copyfile(FIXTURES / f"{name}.db", db)
    facts = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return db, FIXTURES / f"{name}.hall.toml", facts


def _printed_report(hall: Path, db: Path, day: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert hallq(["report", "--config", str(hall), "--db", f"sqlite:///{db}",
                      "--date", day]) == 0
    return out.getvalue()


# What changed in the reports' definitions since a release, applied to its recorded figures:
# since 0.2 the 满意率 counts 基本满意 (3) with 满意 and 非常满意 (issue 10).
SATISFIED_NOW = ("3", "4", "5")


def as_defined_now(figures: dict[str, Any]) -> dict[str, Any]:
    """A release's recorded report with the 满意率 as it is defined now, from the same counts."""
    def rate(entry: dict[str, Any]) -> None:
        total = sum(entry["ratings"].values())
        if total:
            entry["satisfaction_rate"] = round(
                sum(entry["ratings"][s] for s in SATISFIED_NOW) / total, 4)

    now: dict[str, Any] = json.loads(json.dumps(figures))
    rate(now)
    for group in ("by_service", "by_window", "by_clerk"):
        for entry in now[group].values():
            if "ratings" in entry:
                rate(entry)
    return now


def without_new_fields(figures: dict[str, Any]) -> dict[str, Any]:
    """Today's report without the fields added since the release (the rows' English names)."""
    for group in ("by_service", "by_window", "by_clerk"):
        for entry in figures[group].values():
            entry.pop("name_en", None)
    return figures


def printed_now(printed: str, figures: dict[str, Any]) -> list[list[str]]:
    """The recorded ``hallq report`` text, cell by cell, with each 满意率 as defined now."""
    new = as_defined_now(figures)
    rows = [line.split() for line in printed.splitlines()]
    for cells in rows:
        if "满意率:" in cells:
            cells[cells.index("满意率:") + 1] = f"{new['satisfaction_rate']:.1%}"
        entry = _entry(new, cells) if len(cells) > 1 else None
        if entry is not None and entry.get("satisfaction_rate") is not None and "%" in cells[-2]:
            cells[-2] = f"{entry['satisfaction_rate']:.1%}"
    return rows


def cells(printed: str) -> list[list[str]]:
    return [line.split() for line in printed.splitlines()]


def _entry(report: dict[str, Any], row: list[str]) -> dict[str, Any] | None:
    """The figures a row of the printed table shows (hall, service, window or clerk)."""
    if row[0] == "hall":
        return report
    if row[0] not in ("service", "window", "clerk"):
        return None
    found: dict[str, Any] | None = report[f"by_{row[0]}"].get(row[1])
    return found


@pytest.mark.parametrize("name", RELEASES)
def test_hallq_report_on_a_release_database_prints_the_same_figures(
        tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture) -> None:
    db, hall, facts = _copy(tmp_path, name)
    printed = _printed_report(hall, db, facts["day"])  # the first open upgrades it
    assert cells(printed) == printed_now(facts["report_printed"], facts["report"])
    said = [r.getMessage() for r in caplog.records if r.name == "hallq.server.storage"]
    assert said == [f"database upgraded from schema revision 0.1 to {migrate.head()}; the "
                    f"database as it was is kept as {tmp_path / 'hall.db.before-0.1'}"]
    assert table_rows(tmp_path / "hall.db.before-0.1") == facts["rows"]  # the copy aside
    caplog.clear()
    again = _printed_report(hall, db, facts["day"])  # now at the newest: nothing to do
    assert again == printed
    assert not [r for r in caplog.records if r.name == "hallq.server.storage"]


@pytest.mark.parametrize("name", RELEASES)
def test_every_row_of_a_release_database_is_kept(tmp_path: Path, name: str) -> None:
    db, hall, facts = _copy(tmp_path, name)
    server = build(hall, f"sqlite:///{db}", admin_token=ADMIN, clock=lambda: LATER)
    day = datetime.fromisoformat(facts["day"]).date()
    figures = json.loads(json.dumps(reports.daily(server.service, day), default=str))
    server.service.store.engine.dispose()
    assert without_new_fields(figures) == as_defined_now(facts["report"])
    now = table_rows(db)
    for table, rows in facts["rows"].items():  # every row, every value (new columns may come)
        kept = [{k: row.get(k) for k in old} for row, old in zip(now[table], rows, strict=True)]
        assert kept == rows, table
    assert migrate.version(server.service.store.engine).state == "current"


@pytest.mark.parametrize("name", RELEASES)
def test_the_service_finds_every_ticket_rating_and_appointment(tmp_path: Path,
                                                               name: str) -> None:
    db, hall, facts = _copy(tmp_path, name)
    server = build(hall, f"sqlite:///{db}", admin_token=ADMIN, clock=lambda: LATER)
    auth = {"Authorization": f"Bearer {ADMIN}"}
    with TestClient(server.app) as api:
        for row in facts["rows"]["tickets"]:
            ticket = api.get(f"/api/tickets/{row['id']}", headers=auth)
            assert ticket.status_code == 200, ticket.text
            assert (ticket.json()["number"], ticket.json()["status"]) == (row["number"],
                                                                          row["status"])
        for row in facts["rows"]["appointments"]:
            found = api.get(f"/api/appointments/{row['code']}", headers=auth).json()
            assert (found["status"], found["ticket_id"]) == (row["status"], row["ticket_id"])
        follow_ups = api.get("/api/follow-ups", headers=auth).json()
    bad = [r for r in facts["rows"]["ratings"] if r["follow_up"]]
    assert [(f["ticket_id"], f["follow_up"], f["follow_up_note"]) for f in follow_ups] \
        == [(r["ticket_id"], r["follow_up"], r["follow_up_note"]) for r in bad]
    store = server.service.store
    for row in facts["rows"]["ratings"]:
        rating = store.rating_for(row["ticket_id"])
        assert rating is not None
        assert (rating.score, rating.reasons, rating.comment) == (
            row["score"], tuple(r for r in row["reasons"].split("\n") if r), row["comment"])
    assert len(facts["rows"]["pauses"]) == len(facts["report"]["by_window"]) == 3
    store.engine.dispose()
