"""The appointments page: the CSV file ``hallq appointments`` takes, uploaded (GBK or UTF-8
with BOM), all or nothing with every bad line named; the day's list without the citizens'
numbers in clear (5.6.2)."""

from __future__ import annotations

import httpx2

from tests.server.apifix import KIOSK, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in

GOOD = ("code,service,slot_start,slot_end,citizen_id\n"
        "YY0001,企业开办,2026/11/23 10:00,2026/11/23 10:30,110101199001011234\n"
        "YY0002,social,2026/11/23 11:00,2026/11/23 11:30,13912345678\n"
        "YY0003,tax,2026/11/24 09:00,2026/11/24 09:30,\n")


def send(api: Api, data: bytes, day: str = "") -> httpx2.Response:
    page = api.client.get("/console/config/appointments")
    return api.client.post("/console/config/appointments", follow_redirects=False,
                           data={"csrf": csrf_of(page.text), "date": day},
                           files={"file": ("预约.csv", data, "text/csv")})


def test_a_gbk_file_is_imported_and_the_day_lists_them_masked(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    answer = send(api, GOOD.encode("gbk"))
    assert answer.status_code == 303
    assert "n=3" in answer.headers["location"]
    api.ok("POST", "/api/tickets", KIOSK, json={"appointment": "YY0001"})  # 10:00, on time
    page = api.client.get("/console/config/appointments?date=2026-11-23&done=imported&n=3")
    assert "已导入 3 个预约" in page.text
    assert 'data-code="YY0001" data-status="checked_in"' in page.text
    assert 'data-code="YY0002" data-status="booked"' in page.text and "YY0003" not in page.text
    assert "企业开办" in page.text and "10:00–10:30" in page.text
    assert "110101199001011234" not in page.text and "13912345678" not in page.text
    assert "1234" in page.text  # the masked tail, for the clerk to recognise
    assert "共 2 个，已签到取号 1 个" in page.text
    tomorrow = api.client.get("/console/config/appointments?date=2026-11-24&lang=en")
    assert 'data-code="YY0003"' in tomorrow.text and "not yet" in tomorrow.text


def test_a_bad_line_is_named_and_nothing_is_imported(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    bad = ("\ufeffcode,service,slot_start,slot_end\n"
           "ZZ0001,biz,2026/11/23 10:00,2026/11/23 10:30\n"
           "ZZ0002,驾照,2026/11/23 10:00,2026/11/23 10:30\n"
           "ZZ0003,biz,2026/11/23 星期一,2026/11/23 10:30\n")
    answer = send(api, bad.encode("utf-8"), "2026-11-23")
    assert answer.status_code == 422
    text = answer.text
    assert "文件有错，一个预约都没有导入" in text
    assert "第 3 行：" in text and "第 4 行：" in text and "第 2 行" not in text
    assert "驾照" in text and "星期一" in text
    assert api.get("/api/appointments/ZZ0001").status_code == 404
    assert "ZZ0001" not in api.client.get("/console/config/appointments?date=2026-11-23").text
    header = send(api, b"a,b\n1,2\n")
    assert header.status_code == 422 and "第 1 行" in header.text
    empty = send(api, b"")
    assert empty.status_code == 422


def test_a_viewer_sees_the_list_but_may_not_import(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/config/appointments")
    assert page.status_code == 200 and 'id="import-appointments"' not in page.text
    refused = api.client.post("/console/config/appointments", data={"csrf": "x"},
                              files={"file": ("a.csv", GOOD.encode(), "text/csv")})
    assert refused.status_code == 403
    assert api.get("/api/appointments/YY0001").status_code == 404
