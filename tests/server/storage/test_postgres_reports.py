"""The period report on PostgreSQL: the same hand-computed figures as on SQLite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.server.api import test_routes_reports as on_sqlite
from tests.server.apifix import ADMIN, HALL, MONDAY_10, Api, FakeClock
from tests.server.pgfix import NEEDS_POSTGRES, URL, emptied

pytestmark = NEEDS_POSTGRES


@pytest.fixture
def pg_api() -> Iterator[Callable[[datetime, bool], Api]]:
    emptied()
    made: list[Api] = []

    def make(start: datetime, all_hours: bool) -> Api:
        clock = FakeClock(start)
        server = build(HALL, URL, admin_token=ADMIN, clock=clock, open_all_hours=all_hours)
        client = TestClient(server.app, raise_server_exceptions=False).__enter__()
        made.append(Api(client, clock, server, Path("postgresql")))  # no file
        return made[-1]

    yield make
    for api in made:
        api.client.__exit__(None, None, None)
        api.server.service.store.engine.dispose()


def test_a_hand_computed_day_on_postgres(pg_api: Callable[[datetime, bool], Api]) -> None:
    on_sqlite.test_a_hand_computed_day(pg_api(MONDAY_10, False))


def test_two_days_over_a_month_boundary_on_postgres(
        pg_api: Callable[[datetime, bool], Api]) -> None:
    api = pg_api(on_sqlite.SUNDAY_EVENING, True)
    on_sqlite.two_days(api)
    on_sqlite.check_two_days(api)
