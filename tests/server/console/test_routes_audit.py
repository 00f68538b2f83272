"""The console's audit log: an admin sees who changed what (before and after) and who logged
in, newest first, filtered by who, by action and by days; nobody else sees it."""

from __future__ import annotations

import pytest

from hallq.server.console import routes_audit
from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def test_an_admin_reads_who_changed_the_notice_and_who_logged_in(api: Api) -> None:
    add_users(api.server)
    api.login("4", "c02")  # a clerk at a pad: a PIN log-in
    api.clock.advance(minutes=1)
    log_in(api.client, "boss")
    api.clock.advance(minutes=1)
    page = api.client.get("/console/config")
    api.client.post("/console/config/hall", follow_redirects=False, data={
        "csrf": csrf_of(page.text), "version": "1", "notice": "今日办理至17:00"})
    audit = api.client.get("/console/audit")
    assert audit.status_code == 200 and 'id="audit"' in audit.text
    rows = audit.text.split('<tr data-action="')[1:]
    actions = [row.split('"', 1)[0] for row in rows]
    assert actions[0] == "config.patch"  # the newest first
    assert "login.ok" in actions and "console:boss" in rows[0]
    assert "今日办理至17:00" in rows[0] and "请带齐材料" in rows[0]  # after, and before
    only_patch = api.client.get("/console/audit", params={"what": "config.patch"})
    assert only_patch.text.count('<tr data-action="') == 1
    only_clerk = api.client.get("/console/audit", params={"who": "clerks/c02"})
    assert only_clerk.text.count('<tr data-action="login.ok"') == 1
    before = api.client.get("/console/audit", params={"from": "2020-01-01", "to": "2020-01-02"})
    assert 'id="audit"' not in before.text and "没有符合条件的记录" in before.text
    backwards = api.client.get("/console/audit", params={"from": "2026-12-01",
                                                          "to": "2026-11-01"})
    assert "结束日期不能早于开始日期" in backwards.text


def test_only_an_admin_sees_the_audit_log(api: Api) -> None:
    add_users(api.server)
    nobody = api.client.get("/console/audit", follow_redirects=False)
    assert nobody.status_code == 303 and "/console/login" in nobody.headers["location"]
    log_in(api.client, "watch")
    assert api.client.get("/console/audit").status_code == 403
    assert 'href="/console/audit"' not in api.client.get("/console").text  # not in the nav


def test_a_long_log_shows_the_newest_lines_and_says_how_many_match(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routes_audit, "SHOWN", 2)
    add_users(api.server)
    for window, clerk in (("4", "c02"), ("5", "c03"), ("9", "c08")):
        api.login(window, clerk)
        api.clock.advance(minutes=1)
    log_in(api.client, "boss")
    page = api.client.get("/console/audit", params={"what": "login.ok", "who": "clerks/"})
    assert page.text.count('<tr data-action="login.ok"') == 2
    assert "clerks/c08" in page.text and "clerks/c02" not in page.text  # the newest two
    assert "3 条记录" in page.text and "仅显示最新的 2 条，共 3 条" in page.text
