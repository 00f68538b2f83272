"""The per-day summary on PostgreSQL: closed days give the raw rows' figures, a change of a
closed day forgets its summary (the same checks as on SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.server.apifix import ADMIN, HALL, MONDAY_10, Api, FakeClock
from tests.server.pgfix import NEEDS_POSTGRES, URL, emptied
from tests.server.service import test_report_days as on_sqlite
from tests.server.service.reportdays import FIRST, raw_report, same_figures, scripted_days

pytestmark = NEEDS_POSTGRES


@pytest.fixture
def hall() -> Iterator[Api]:
    emptied()
    clock = FakeClock(MONDAY_10)
    server = build(HALL, URL, admin_token=ADMIN, clock=clock, open_all_hours=True)
    with TestClient(server.app, raise_server_exceptions=False) as client:
        yield Api(client, clock, server, Path("postgresql"))
    server.service.store.engine.dispose()


def test_closed_days_from_the_summary_on_postgres(hall: Api) -> None:
    scripted_days(hall, 3)
    end = FIRST + timedelta(days=3)
    r = on_sqlite.report(hall, FIRST, end)
    assert on_sqlite.summarised_days(hall) == {FIRST + timedelta(days=d) for d in range(3)}
    same_figures(r, raw_report(hall.server.service, FIRST, end))
    assert on_sqlite.report(hall, FIRST, end) == r


def test_a_change_of_a_closed_day_on_postgres(hall: Api) -> None:
    hall.clock.now = datetime(2026, 11, 23, 15, 50, tzinfo=UTC)  # 23:50 in Shanghai
    on_sqlite.test_a_ticket_finished_after_midnight_changes_its_closed_day(hall)
