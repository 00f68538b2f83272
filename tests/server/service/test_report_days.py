"""The per-day summary of the period reports (service/report_days.py): closed days read from
it give the raw rows' figures (the 90th percentile to its 10 s bucket), and nothing that
changes a closed day afterwards leaves it stale."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from hallq.server.bootstrap import build
from hallq.server.storage.report_day_tables import ReportDayRow, ReportDaySumRow
from tests.server.api.test_routes_config import item, put
from tests.server.apifix import ADMIN, HALL, MONDAY_10, PADS, Api, FakeClock, make_api
from tests.server.clifix import RELEASE_0_1
from tests.server.service.reportdays import FIRST, raw_report, same_figures, scripted_days


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(tmp_path, open_all_hours=True)


def report(api: Api, start: date, end: date) -> dict[str, Any]:
    found: dict[str, Any] = api.ok("GET", f"/api/reports?from={start}&to={end}")
    return found


def summarised_days(api: Api) -> set[date]:
    with api.server.service.store.engine.connect() as conn:
        return set(conn.execute(select(ReportDayRow.day).where(
            ReportDayRow.fingerprint.is_not(None))).scalars())


def test_closed_days_from_the_summary_give_the_raw_rows_figures(hall: Api) -> None:
    scripted_days(hall, 3)  # 23, 24, 25 Nov; now the 26th, a day with its own tickets
    hall.login("4", "c02")
    hall.issue("biz")
    hall.clock.advance(seconds=95)
    hall.act("4", "next")
    end = FIRST + timedelta(days=3)
    r = report(hall, FIRST, end)
    assert summarised_days(hall) == {FIRST + timedelta(days=d) for d in range(3)}
    same_figures(r, raw_report(hall.server.service, FIRST, end))
    assert r["issued"] == 5 + 6 + 7 + 1 and r["days"] == 4
    # read again from the summary alone: the same
    assert report(hall, FIRST, end) == r
    one = report(hall, FIRST, FIRST)  # one closed day
    same_figures(one, raw_report(hall.server.service, FIRST, FIRST))


def test_a_rating_given_after_its_tickets_day_shows_in_the_next_report(hall: Api) -> None:
    hall.login("1", "c01")
    ticket = hall.issue("biz")
    hall.clock.advance(minutes=3)
    hall.act("1", "next")
    hall.clock.advance(minutes=7)
    hall.act("1", "finish")
    hall.clock.now = MONDAY_10 + timedelta(days=1)  # Tuesday: Monday is closed
    before = report(hall, FIRST, FIRST + timedelta(days=1))
    assert FIRST in summarised_days(hall) and before["rated"] == 0
    hall.ok("POST", f"/api/tickets/{ticket['id']}/rating", PADS, json={"score": 4})
    after = report(hall, FIRST, FIRST + timedelta(days=1))
    assert (after["rated"], after["ratings"]["4"], after["by_clerk"]["c01"]["rated"]) == \
        (1, 1, 1)  # counted on the day it was given (docs/reports.md)
    hall.clock.now += timedelta(days=1)  # and once that day is closed too
    later = report(hall, FIRST, FIRST + timedelta(days=1))
    assert later["rated"] == 1 and later["by_day"][str(FIRST + timedelta(days=1))]["rated"] == 1
    same_figures(later, raw_report(hall.server.service, FIRST, FIRST + timedelta(days=1)))


def test_a_ticket_finished_after_midnight_changes_its_closed_day(hall: Api) -> None:
    hall.clock.now = datetime(2026, 11, 23, 15, 50, tzinfo=UTC)  # 23:50 in Shanghai
    hall.login("1", "c01")
    hall.issue("biz")
    hall.clock.advance(minutes=5)
    hall.act("1", "next")
    hall.clock.advance(minutes=15)  # 00:10 on the 24th
    first = report(hall, FIRST, FIRST)
    assert FIRST in summarised_days(hall) and (first["issued"], first["served"]) == (1, 0)
    hall.act("1", "finish")  # a change of the 23rd's rows: its summary is forgotten
    assert FIRST not in summarised_days(hall)
    second = report(hall, FIRST, FIRST)
    assert (second["served"], second["avg_service_s"]) == (1, 900.0)
    same_figures(second, raw_report(hall.server.service, FIRST, FIRST))


def test_a_pause_running_over_midnight_is_read_from_the_raw_rows(hall: Api) -> None:
    hall.clock.now = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
    hall.login("1", "c01")
    hall.act("1", "pause", json={"reason": "会议"})
    hall.clock.advance(hours=2)  # 01:00 on the 24th, still paused
    assert report(hall, FIRST, FIRST)["paused_s"] == 7200
    assert FIRST not in summarised_days(hall)
    hall.clock.advance(hours=1)
    hall.act("1", "resume")
    assert report(hall, FIRST, FIRST)["paused_s"] == 10800
    assert FIRST in summarised_days(hall)


def test_a_restarted_server_reads_the_same_summary(hall: Api, tmp_path: Path) -> None:
    scripted_days(hall, 2)
    hall.state()  # the day rolls: the 24th's waiting tickets are cancelled
    end = FIRST + timedelta(days=2)
    before = report(hall, FIRST, end)
    clock = FakeClock(hall.clock.now)
    again = build(HALL, f"sqlite:///{hall.db}", admin_token=ADMIN, clock=clock,
                  open_all_hours=True)
    with TestClient(again.app) as client:
        after = client.get(f"/api/reports?from={FIRST}&to={end}",
                           headers={"Authorization": f"Bearer {ADMIN}"}).json()
    again.service.store.engine.dispose()
    assert after == before


def test_the_summary_is_made_when_the_day_closes(hall: Api) -> None:
    scripted_days(hall, 1)  # now the 24th: the first read of the new day closes the 23rd
    hall.state()
    assert summarised_days(hall) == {FIRST}
    with hall.server.service.store.engine.connect() as conn:
        dims = dict(conn.execute(select(ReportDaySumRow.dim, func.count())
                                 .group_by(ReportDaySumRow.dim)).all())
    assert dims == {"hall": 1, "service": 2, "window": 2, "clerk": 2, "hour": 1, "reason": 1}


def test_a_release_0_1_database_gives_the_same_figures(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    hall_toml = RELEASE_0_1.with_name("release-0.1.hall.toml")
    server = build(hall_toml, f"sqlite:///{db}", admin_token=ADMIN,
                   clock=lambda: datetime(2027, 3, 1, 2, 0, tzinfo=UTC))
    day = date(2026, 11, 23)
    exact = raw_report(server.service, day, day)
    with TestClient(server.app) as client:
        r = client.get(f"/api/reports?from={day}&to={day}",
                       headers={"Authorization": f"Bearer {ADMIN}"}).json()
    server.service.store.engine.dispose()
    assert (r["issued"], r["served"], r["missed"], r["cancelled"]) == (17, 11, 1, 5)
    same_figures(r, exact)


def test_a_new_target_time_makes_the_summary_again(hall: Api) -> None:
    hall.login("4", "c02")
    hall.issue("biz")
    hall.clock.advance(minutes=2)
    hall.act("4", "next")
    hall.clock.advance(minutes=10)
    hall.act("4", "finish")  # 600 s at the window: within biz's 12 minutes
    hall.clock.now = MONDAY_10 + timedelta(days=1)
    assert report(hall, FIRST, FIRST)["within_target"] == 1
    biz = item(hall, "services", "biz")
    body = {k: v for k, v in biz.items() if k not in ("code", "version")}
    answer = put(hall, "services", "biz", {**body, "target_minutes": 5})
    assert answer.status_code == 200, answer.text
    again = report(hall, FIRST, FIRST)  # the summary said 1: made again with 5 minutes
    assert (again["within_target"], again["target_rate"]) == (0, 0.0)
    same_figures(again, raw_report(hall.server.service, FIRST, FIRST))
