"""The report summaries a database from before them lacks are made in the background after
the server starts, so the first report over those days does not wait for them."""

from __future__ import annotations

import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from hallq.server.bootstrap import build
from hallq.server.storage.report_day_tables import ReportDayRow
from hallq.server.storage.tables import TicketRow
from tests.server.apifix import ADMIN
from tests.server.clifix import RELEASE_0_1
from tests.server.service.reportdays import raw_report, same_figures

NOW = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)  # weeks after the release database's days


def test_a_release_0_1_database_gets_its_summaries_in_the_background(tmp_path: Path) -> None:
    db = tmp_path / "hall.db"
    shutil.copyfile(RELEASE_0_1, db)
    server = build(RELEASE_0_1.with_name("release-0.1.hall.toml"), f"sqlite:///{db}",
                   admin_token=ADMIN, clock=lambda: NOW, summaries_after_s=0.0)
    engine = server.service.store.engine
    with engine.connect() as conn:
        assert conn.execute(select(ReportDayRow.day)).first() is None  # none in the release
        first = conn.execute(select(func.min(TicketRow.day))).scalar_one()
    yesterday = NOW.date() - timedelta(days=1)

    def summarised() -> set[date]:
        with engine.connect() as conn:
            return set(conn.execute(select(ReportDayRow.day).where(
                ReportDayRow.fingerprint.is_not(None))).scalars())

    with TestClient(server.app) as client:
        deadline = time.monotonic() + 60
        while first not in summarised():  # the newest first, the first day last
            assert time.monotonic() < deadline, sorted(summarised())
            time.sleep(0.1)
        days = sorted(summarised())
        assert days == [first + timedelta(days=i) for i in range((yesterday - first).days + 1)]
        start = first
        r = client.get(f"/api/reports?from={start}&to={yesterday}",
                       headers={"Authorization": f"Bearer {ADMIN}"}).json()
    exact = raw_report(server.service, start, yesterday)
    server.service.close()
    engine.dispose()
    assert r["issued"] > 0
    same_figures(r, exact)
