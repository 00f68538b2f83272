"""The live hall page's JSON twin, the parts other features add, and a supervisor's actions
(through the service layer, written to the console's audit log)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hallq.server.console import live
from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


@pytest.fixture
def alarms_part() -> Iterator[None]:
    before = live.PARTS.get("alarms")  # the alarms feature's own part, put back after
    live.add_part("alarms", lambda state: [{"kind": "long_wait", "service": "biz"}])
    try:
        yield
    finally:
        live.PARTS.pop("alarms")
        if before is not None:
            live.add_part("alarms", before)


def test_the_json_twin_holds_the_page_figures_and_the_added_parts(api: Api,
                                                                  alarms_part: None) -> None:
    add_users(api.server)
    api.issue("biz")
    log_in(api.client, "watch")
    data = api.client.get("/console/live.json").json()
    assert data["alarms"] == [{"kind": "long_wait", "service": "biz"}]
    biz = next(s for s in data["live"]["services"] if s["code"] == "biz")
    assert biz["waiting"] == 1 and biz["quota_left"] == 199
    page = api.client.get("/console")
    assert 'id="alarms"' in page.text  # the marked place the alarms feature fills


def test_a_supervisor_resumes_a_window_and_restores_a_missed_ticket(api: Api) -> None:
    add_users(api.server)
    api.login("1", "c01")
    ticket = api.issue("biz")
    api.act("1", "next")
    api.act("1", "skip")
    api.act("1", "pause", json={"reason": "会议"})
    log_in(api.client, "duty")
    page = api.client.get("/console")
    assert "会议" in page.text and ticket["number"] in page.text
    csrf = csrf_of(page.text)
    resumed = api.client.post("/console/windows/1/resume", data={"csrf": csrf})
    assert "1号窗口 已恢复服务" in resumed.text and api.window("1")["status"] == "open"
    again = api.client.post("/console/windows/1/resume", data={"csrf": csrf})
    assert "窗口没有暂停" in again.text  # the service's refusal, in words
    restored = api.client.post(f"/console/tickets/{ticket['id']}/restore", data={"csrf": csrf})
    assert f"{ticket['number']} 已恢复等候" in restored.text
    assert api.get(f"/api/tickets/{ticket['id']}").json()["status"] == "waiting"
    log = api.server.app.state.accounts.audit_log()
    assert [(a["user"], a["action"], a["outcome"]) for a in log[:3]] == [
        ("duty", "restore", "ok"), ("duty", "resume", "not_paused"), ("duty", "resume", "ok")]


def test_in_english_a_pause_reads_in_english_and_sends_the_halls_reason(api: Api) -> None:
    add_users(api.server)
    api.login("1", "c01")
    api.act("1", "pause", json={"reason": "会议"})
    api.login("4", "c02")
    log_in(api.client, "duty")
    page = api.client.get("/console?lang=en").text
    assert '<div class="why">Meeting · ' in page and '<div class="why">会议' not in page
    assert '<option value="业务培训">Training</option>' in page  # what the server stores
    resumed = api.client.post("/console/windows/1/resume", data={"csrf": csrf_of(page)})
    assert "Window 1" in resumed.text and "1号窗口" not in resumed.text
    paused = api.client.post("/console/windows/4/pause",
                             data={"csrf": csrf_of(page), "reason": "业务培训"})
    assert paused.status_code == 200 and api.window("4")["pause_reason"] == "业务培训"
    assert '<div class="why">Training · ' in paused.text
