"""``GET /api/reports``: figures over any period, checked against hand-computed days."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.server.api.test_routes_admin import scripted_day
from tests.server.apifix import DISPLAY, PADS, Api, make_api

SUNDAY_EVENING = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # Monday 30 Nov, 17:00 in Shanghai


@pytest.fixture
def late_api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(tmp_path, open_all_hours=True, start=SUNDAY_EVENING)


def test_a_hand_computed_day(api: Api) -> None:
    scripted_day(api)  # A001 biz waits 300 s, served 900; E001 tax waits 900, served 600;
    # A002 biz waits 1800, missed; C001 still waiting; ratings 5 and 1; window 1 paused 600 s
    r = api.ok("GET", "/api/reports?from=2026-11-23&to=2026-11-23")
    assert (r["from"], r["to"], r["days"], r["kind"]) == ("2026-11-23", "2026-11-23", 1, "day")
    assert (r["issued"], r["served"], r["missed"], r["cancelled"]) == (4, 2, 1, 0)
    assert (r["avg_wait_s"], r["p90_wait_s"], r["avg_service_s"]) == (1000.0, 1800.0, 750.0)
    # targets: biz 12 min (A001 took 15: late), tax 10 min (E001 took exactly 10: in time)
    assert (r["within_target"], r["target_rate"]) == (1, 0.5)
    assert (r["rated"], r["satisfaction_rate"]) == (2, 0.5)
    assert r["bad_ratings"] == {"open": 1, "contacted": 0, "resolved": 0, "overdue": 0}
    assert r["pauses_by_reason"] == {"会议": 600} and r["paused_s"] == 600
    biz = r["by_service"]["biz"]
    assert (biz["issued"], biz["avg_wait_s"], biz["p90_wait_s"], biz["target_rate"]) == \
        (2, 1050.0, 1800.0, 0.0)
    assert biz["name"] == "企业开办" and r["by_service"]["social"]["p90_wait_s"] is None
    w1 = r["by_window"]["1"]
    assert (w1["served"], w1["missed"], w1["paused_s"], w1["satisfaction_rate"]) == \
        (1, 1, 600, 1.0)
    assert r["by_clerk"]["c08"]["ratings"]["1"] == 1 and r["by_clerk"]["c01"]["name"] == "王芳"
    assert list(r["by_day"]) == ["2026-11-23"] and list(r["by_hour"]) == ["10"]
    assert r["by_hour"]["10"]["issued"] == 4
    # 服务之星: c01 50×1/1 + 30×100% + 20×0% = 80; c08 50×1/1 + 30×0% + 20×100% = 70
    assert [(c["clerk"], c["score"]) for c in r["clerk_ranking"]] == [("c01", 80.0),
                                                                      ("c08", 70.0)]
    assert "满意率" in r["ranking_formula"]
    # the daily report of that day agrees
    daily = api.ok("GET", "/api/reports/daily?date=2026-11-23")
    assert {k: daily[k] for k in ("issued", "served", "avg_wait_s", "satisfaction_rate")} == \
        {k: r[k] for k in ("issued", "served", "avg_wait_s", "satisfaction_rate")}


def two_days(api: Api) -> None:
    """Window 4 (biz, target 12 min), clerk c02, from 30 Nov 17:00 to 1 Dec in Shanghai."""
    api.login("4", "c02")
    first = api.issue("biz")
    api.clock.advance(minutes=4)
    api.act("4", "next")  # waited 240 s
    api.clock.advance(minutes=10)
    api.act("4", "finish")  # served 600 s: within 12 min
    api.ok("POST", f"/api/tickets/{first['id']}/rating", PADS, json={"score": 3})  # 基本满意
    api.act("4", "pause", json={"reason": "会议"})
    api.clock.advance(minutes=5)
    api.act("4", "resume")
    api.clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 1 Dec, 09:00
    if api.window("4")["clerk"] is None:
        api.login("4", "c02")
    second, _third = api.issue("biz"), api.issue("biz")
    api.clock.advance(minutes=2)
    assert api.act("4", "next")["ticket"]["id"] == second["id"]  # waited 120 s
    api.clock.advance(minutes=15)
    api.act("4", "finish")  # served 900 s: late
    api.ok("POST", f"/api/tickets/{second['id']}/rating", PADS,
           json={"score": 2, "reasons": ["等候时间长"]})
    api.act("4", "next")  # the third waited 17 min = 1020 s
    api.act("4", "skip")


def check_two_days(api: Api) -> None:
    r = api.ok("GET", "/api/reports?from=2026-11-30&to=2026-12-01")
    assert (r["issued"], r["served"], r["missed"], r["days"]) == (3, 2, 1, 2)
    assert (r["avg_wait_s"], r["p90_wait_s"], r["avg_service_s"]) == (460.0, 1020.0, 750.0)
    assert (r["within_target"], r["target_rate"]) == (1, 0.5)
    # 满意率 counts 基本满意 (3): one of the two ratings
    assert r["ratings"] == {"1": 0, "2": 1, "3": 1, "4": 0, "5": 0}
    assert r["satisfaction_rate"] == 0.5
    assert list(r["by_day"]) == ["2026-11-30", "2026-12-01"]
    nov, dec = r["by_day"]["2026-11-30"], r["by_day"]["2026-12-01"]
    assert (nov["issued"], nov["served"], nov["paused_s"], nov["satisfaction_rate"]) == \
        (1, 1, 300, 1.0)
    assert (dec["issued"], dec["missed"], dec["p90_wait_s"], dec["satisfaction_rate"]) == \
        (2, 1, 1020.0, 0.0)
    assert {h: f["issued"] for h, f in r["by_hour"].items()} == {"09": 2, "17": 1}
    c02 = r["by_clerk"]["c02"]
    assert (c02["served"], c02["missed"], c02["paused_s"], c02["rated"]) == (2, 1, 300, 2)
    assert r["bad_ratings"]["open"] == 1
    month = api.ok("GET", "/api/reports?from=2026-12-01&to=2026-12-31")
    assert (month["issued"], month["days"], len(month["by_day"])) == (2, 31, 31)
    assert month["by_day"]["2026-12-31"]["issued"] == 0
    november = api.ok("GET", "/api/reports?from=2026-11-01&to=2026-11-30")
    assert (november["issued"], november["satisfaction_rate"]) == (1, 1.0)


def test_a_range_over_two_days_and_a_month_boundary(late_api: Api) -> None:
    two_days(late_api)
    check_two_days(late_api)


def test_the_report_as_csv_and_xlsx(late_api: Api) -> None:
    two_days(late_api)
    csv = late_api.get("/api/reports?from=2026-11-30&to=2026-12-01&format=csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    text = csv.content.decode("utf-8-sig")
    assert "按人员" in text and "李强" in text and "满意率" in text and "服务之星" in text
    xlsx = late_api.get("/api/reports?from=2026-11-30&to=2026-12-01&format=xlsx")
    assert "attachment" in xlsx.headers["content-disposition"]
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["总览", "按事项", "按窗口", "按人员", "按日", "按时段", "服务之星",
                               "暂停原因", "差评跟进"]
    days: list[tuple[Any, ...]] = list(book["按日"].iter_rows(min_row=2, values_only=True))
    assert days[0][:3] == ("日期", "取号", "办结")
    assert [(d[0], d[1]) for d in days[1:]] == [("2026-11-30", 1), ("2026-12-01", 2)]
    star = list(book["服务之星"].iter_rows(min_row=3, values_only=True))
    assert star[0][:3] == (1, "c02", "李强")
    overview = next(book["总览"].iter_rows(min_row=3, values_only=True))
    assert overview[:3] == ("2026-11-30 至 2026-12-01", 3, 2)


def test_refusals(api: Api) -> None:
    assert api.get("/api/reports?from=2026-11-23", DISPLAY).status_code == 403
    assert api.get("/api/reports?from=2026-11-23", None).status_code == 401
    backwards = api.get("/api/reports?from=2026-11-23&to=2026-11-01")
    assert backwards.status_code == 422 and backwards.json()["field"] == "to"
    assert api.get("/api/reports?from=23.11.2026").json()["field"] == "from"
    assert api.get("/api/reports").status_code == 422
    assert api.get("/api/reports?from=2020-01-01&to=2026-01-01").json()["field"] == "to"
    assert api.get("/api/reports?from=2026-11-23&format=pdf").status_code == 422


def test_the_openapi_documents_the_report(api: Api) -> None:
    spec = api.ok("GET", "/openapi.json")
    report = spec["paths"]["/api/reports"]["get"]
    assert {p["name"] for p in report["parameters"]} == {"from", "to", "format"}
    content = report["responses"]["200"]["content"]
    assert {"application/json", "text/csv"} <= set(content)
    assert "by_hour" in spec["components"]["schemas"]["PeriodReport"]["properties"]
