"""The console's follow-ups page: filtered by state, overdue highlighted; a supervisor records
what was done and closes one (the note kept under the user's name); a viewer only reads."""

from __future__ import annotations

from typing import Any

import pytest

from hallq.server.console import routes_follow_ups
from tests.server.apifix import PADS, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def bad_ratings(api: Api, n: int) -> list[dict[str, Any]]:
    api.login("3", "c03")
    found = []
    for _ in range(n):
        ticket = api.issue("biz")
        api.act("3", "next")
        api.act("3", "finish")
        found.append(api.ok("POST", f"/api/tickets/{ticket['id']}/rating", PADS,
                            json={"score": 1, "reasons": ["服务态度差"], "comment": "态度冷淡"}))
    return found


def test_without_a_session_the_page_goes_to_the_login(api: Api) -> None:
    for path in ("/console/follow-ups", "/console/follow-ups.json"):
        answer = api.client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith(
            "/console/login")


def test_a_supervisor_notes_what_was_done_and_closes_it(api: Api) -> None:
    first, second = bad_ratings(api, 2)
    api.clock.advance(days=16)  # both past their 15 days
    add_users(api.server)
    log_in(api.client, "duty")
    page = api.client.get("/console/follow-ups")
    assert page.status_code == 200 and "差评回访" in page.text
    assert page.text.count('class="fu-open overdue"') == 2 and "已超期" in page.text
    assert "服务态度差" in page.text and "态度冷淡" in page.text and "张敏" in page.text
    answer = api.client.post(f"/console/follow-ups/{first['id']}", follow_redirects=False,
                             data={"csrf": csrf_of(page.text), "status": "closed",
                                   "note": "已电话致歉，批评教育", "back": "overdue"})
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/console/follow-ups?state=overdue&done=")
    after = api.client.get(answer.headers["location"])
    assert "已记录 A001 的处理情况" in after.text
    assert f'data-follow-up="{first["id"]}"' not in after.text  # no longer overdue
    data = api.client.get("/console/follow-ups.json?state=closed").json()
    [closed] = data["follow_ups"]
    assert closed["id"] == first["id"] and closed["notes"][0]["who"] == "duty"
    assert closed["notes"][0]["note"] == "已电话致歉，批评教育"
    assert data["counts"] == {"open": 1, "in_progress": 0, "closed": 1, "overdue": 1,
                              "total": 2}
    empty = api.client.post(f"/console/follow-ups/{second['id']}", follow_redirects=False,
                            data={"csrf": csrf_of(page.text), "status": "closed", "note": ""})
    assert "error=fu_note" in empty.headers["location"]  # closing needs what was done
    assert "请写明做了什么" in api.client.get(empty.headers["location"]).text


def test_a_viewer_reads_but_cannot_record_and_a_forged_form_is_refused(api: Api) -> None:
    [rating] = bad_ratings(api, 1)
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/follow-ups?lang=en")
    assert "Follow-ups" in page.text and "fu-form" not in page.text  # no form for a viewer
    assert "Business Registration" in page.text and "企业开办" not in page.text
    assert '<span class="reason">Unfriendly service</span>' in page.text
    assert "服务态度差" not in page.text
    csrf = csrf_of(page.text)  # the log-out form's token
    refused = api.client.post(f"/console/follow-ups/{rating['id']}",
                              data={"csrf": csrf, "status": "closed", "note": "x"})
    assert refused.status_code == 403
    log_in(api.client, "duty")
    forged = api.client.post(f"/console/follow-ups/{rating['id']}",
                             data={"csrf": "forged", "status": "closed", "note": "x"})
    assert forged.status_code == 403
    assert api.ok("GET", "/api/follow-ups")[0]["state"] == "open"


def test_a_long_list_shows_the_earliest_deadlines_and_says_how_many_more(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    bad_ratings(api, 3)
    monkeypatch.setattr(routes_follow_ups, "SHOWN", 2)
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/follow-ups").text
    assert page.count("data-follow-up=") == 2 and "仅显示期限最早的 2 条，共 3 条" in page
