"""The windows' configuration pages over HTTP: an admin moves a window to other services with
its checkboxes, adds and removes a window; a window left serving nothing, or a service left
without a window, is refused next to the services; a stale form gets 409; viewers only read."""

from __future__ import annotations

import re
from typing import Any

from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in
from tests.server.console.test_routes_config_services import admin_page, error_next_to, post


def window(api: Api, wid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(w for w in api.ok("GET", "/api/config")["windows"]
                                 if w["id"] == wid)
    return found


def services_error(html: str) -> str:
    """The refusal's words in the window form's group of service checkboxes."""
    found = re.search(r'<fieldset class="services bad".*?<span class="field-error"[^>]*>(.*?)'
                      r'</span>.*?</fieldset>', html, re.S)
    assert found, "no error at the services"
    return found.group(1)


def test_the_list_and_a_window_s_form_show_its_services_ticked(api: Api) -> None:
    page = admin_page(api, "/console/config/windows")
    assert 'data-window="14"' in page and "帮办代办窗口" in page and "无差别综合窗口" in page
    form = api.client.get("/console/config/windows/14").text
    assert 'name="svc.help" checked' in form and 'name="svc.general" checked' in form
    assert 'name="svc.biz">' in form and 'name="id" value="14" readonly' in form
    assert 'name="number" value="14"' in form


def test_an_admin_moves_a_window_to_other_services(api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/windows/9"))
    waiting = [api.issue("tax")["number"] for _ in range(2)]
    moved = post(api, "/console/config/windows/9", csrf, {
        "id": "9", "name": "9号窗口", "name_en": "Window 9", "svc.estate": "on",
        "svc.social": "on", "version": str(window(api, "9")["version"])})
    assert moved.status_code == 303, moved.text
    assert window(api, "9")["services"] == ["estate", "social"]
    listed = api.client.get(moved.headers["location"]).text
    assert "已保存" in listed
    api.login("9", "c02")
    assert api.act("9", "next")["ticket"] is None  # no longer calls the tax tickets
    estate = api.issue("estate")
    assert api.act("9", "next")["ticket"]["number"] == estate["number"]
    api.login("10", "c03")
    assert api.act("10", "next")["ticket"]["number"] == waiting[0]
    assert api.act("10", "next")["ticket"]["number"] == waiting[1]


def test_a_window_left_without_services_or_a_service_without_windows_is_refused(
        api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/windows/11"))
    version = str(window(api, "11")["version"])
    base = {"id": "11", "name": "户政窗口", "version": version}
    empty = post(api, "/console/config/windows/11", csrf, base)
    assert empty.status_code == 422 and "请检查「办理业务」" in services_error(empty.text)
    assert 'value="户政窗口"' in empty.text  # the input kept
    orphan = post(api, "/console/config/windows/11", csrf, {**base, "svc.biz": "on"})
    assert orphan.status_code == 409 and "大厅无法正常运行" in services_error(orphan.text)
    assert "household" in services_error(orphan.text) and 'name="svc.biz" checked' in orphan.text
    assert window(api, "11")["services"] == ["household"] and window(api, "11")["name"] == \
        "11号窗口"
    stale = post(api, "/console/config/windows/11", csrf, {**base, "svc.household": "on",
                                                           "version": "0"})
    assert stale.status_code == 409 and "已被他人修改" in stale.text


def test_an_admin_adds_a_window_for_every_service_and_removes_it(api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/windows/new"))
    added = post(api, "/console/config/windows", csrf, {
        "id": "15", "name": "15号窗口", "number": "15", "kind": "comprehensive",
        "svc.*": "on", "version": "0"})
    assert added.status_code == 303, added.text
    assert window(api, "15")["services"] == "*" and window(api, "15")["kind"] == "comprehensive"
    again = post(api, "/console/config/windows", csrf, {
        "id": "15", "name": "重复", "svc.biz": "on", "version": "0"})
    assert again.status_code == 409 and "windows/15 已存在" in again.text
    bad_kind = post(api, "/console/config/windows", csrf, {
        "id": "16", "name": "16号窗口", "svc.biz": "on", "kind": "vip", "version": "0"})
    assert bad_kind.status_code == 422 and "kind" in error_next_to(bad_kind.text, "kind")
    api.ok("POST", "/api/windows/15/login", json={"clerk": "c02", "pin": "2345"})
    busy = post(api, "/console/config/windows/15/remove", csrf, {"version": "1"})
    assert busy.status_code == 409 and "正在使用中" in busy.text
    api.ok("POST", "/api/windows/15/logout")
    removed = post(api, "/console/config/windows/15/remove", csrf, {"version": "1"})
    assert removed.status_code == 303
    assert all(w["id"] != "15" for w in api.ok("GET", "/api/config")["windows"])


def test_a_viewer_reads_the_windows_and_may_not_change_them(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    form = api.client.get("/console/config/windows/9")
    assert form.status_code == 200 and "disabled" in form.text and "remove-form" not in form.text
    refused = api.client.post("/console/config/windows/9", data={
        "csrf": csrf_of(form.text), "name": "x", "svc.biz": "on"})
    assert refused.status_code == 403
    log_in(api.client, "boss")
    assert api.client.post("/console/config/windows/9/remove", data={}).status_code == 403
    assert window(api, "9")["services"] == ["tax"]
