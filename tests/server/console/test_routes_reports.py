"""The console's reports page: the period picker, tables, ranking, downloads, its JSON twin."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.server.api.test_routes_reports import SUNDAY_EVENING, two_days
from tests.server.apifix import Api, make_api
from tests.server.console.consolefix import add_users, log_in


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Api]:
    for api in make_api(tmp_path, open_all_hours=True, start=SUNDAY_EVENING):
        two_days(api)
        add_users(api.server)
        yield api


def test_without_a_session_the_reports_go_to_the_login_page(hall: Api) -> None:
    for path in ("/console/reports", "/console/reports.json",
                 "/console/reports/export?format=xlsx"):
        answer = hall.client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and "/console/login" in answer.headers["location"]


def test_a_viewer_reads_a_range_and_downloads_it(hall: Api) -> None:
    log_in(hall.client, "watch")
    page = hall.client.get("/console/reports?period=custom&from=2026-11-30&to=2026-12-01")
    assert page.status_code == 200
    text = page.text
    assert "2026-11-30 – 2026-12-01" in text and "服务之星排名" in text and "李强" in text
    assert "得分 = 50 × 办结量" in text  # the formula is on the page
    assert "/console/static/vendor/chartjs/chart.umd.min.js" in text
    assert 'id="export-xlsx"' in text
    twin = hall.client.get("/console/reports.json?period=custom&from=2026-11-30&to=2026-12-01")
    assert twin.json()["issued"] == 3 and list(twin.json()["by_day"]) == ["2026-11-30",
                                                                          "2026-12-01"]
    month = hall.client.get("/console/reports.json?period=month&date=2026-12-15").json()
    assert (month["from"], month["to"], month["issued"]) == ("2026-12-01", "2026-12-31", 2)
    week = hall.client.get("/console/reports.json?period=week&date=2026-12-02").json()
    assert (week["from"], week["to"], week["issued"]) == ("2026-11-30", "2026-12-06", 3)
    xlsx = hall.client.get("/console/reports/export?format=xlsx&period=custom"
                           "&from=2026-11-30&to=2026-12-01")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book["按人员"]["B3"].value == "李强" and book["总览"]["B3"].value == 3
    csv = hall.client.get("/console/reports/export?format=csv&period=custom"
                          "&from=2026-11-30&to=2026-12-01")
    assert csv.content.startswith(b"\xef\xbb\xbf")
    english = hall.client.get("/console/reports?period=day&date=2026-12-01&lang=en")
    assert "Service star ranking" in english.text and "score = 50" in english.text
    assert "Business Registration" in english.text and "企业开办" not in english.text


def test_a_backwards_range_says_why_and_shows_this_month(hall: Api) -> None:
    log_in(hall.client, "watch")
    page = hall.client.get("/console/reports?period=custom&from=2026-12-01&to=2026-11-01")
    assert page.status_code == 200 and "期间无效，已显示本月" in page.text
    assert "is before from" in page.text  # and why
