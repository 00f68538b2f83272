"""The clerks' configuration page: add a clerk (its PIN shown once), change, disable, enable,
reset the PIN; each through the live configuration (rules, versions, audit), refusals shown
on the form with what was typed."""

from __future__ import annotations

import re

from tests.server.apifix import PADS, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def pin_on(html: str) -> str:
    found = re.search(r'<code id="new-pin" class="secret">(\d+)</code>', html)
    assert found, "the answer shows no new PIN"
    return found.group(1)


def version_on(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found
    return found.group(1)


def test_an_admin_adds_a_clerk_who_logs_in_with_the_pin_shown_once(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console/config/clerks")
    assert page.status_code == 200 and 'data-clerk="c01"' in page.text and "王芳" in page.text
    added = api.client.post("/console/config/clerks", data={
        "csrf": csrf_of(page.text), "id": "c20", "name": "周新", "job_number": "ZW020",
        "window-3": "on", "window-4": "on"})
    assert added.status_code == 200
    pin = pin_on(added.text)
    assert len(pin) == 6
    clerk = next(c for c in api.ok("GET", "/api/config")["clerks"] if c["id"] == "c20")
    assert clerk["windows"] == ["3", "4"] and clerk["job_number"] == "ZW020"
    refused = api.post("/api/windows/1/login", PADS, json={"clerk": "c20", "pin": pin})
    assert refused.status_code == 403  # window 1 is not one of its windows
    api.ok("POST", "/api/windows/3/login", PADS, json={"clerk": "ZW020", "pin": pin})
    assert api.window("3")["clerk"]["name"] == "周新"
    again = api.client.get("/console/config/clerks")
    assert 'data-clerk="c20"' in again.text and pin not in again.text
    assert pin not in api.client.get("/console/config/clerks/c20").text
    audit = [x for x in api.ok("GET", "/api/audit") if x["target"] == "clerks/c20"]
    assert audit[-1]["who"] == "console:boss" and pin not in str(audit)
    twice = api.client.post("/console/config/clerks", data={
        "csrf": csrf_of(page.text), "id": "c20", "name": "又一个"})
    assert twice.status_code == 409 and 'value="又一个"' in twice.text
    assert "clerks/c20 已存在" in twice.text


def test_a_refused_clerk_keeps_what_was_typed_and_says_why_in_chinese_first(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console/config/clerks")
    bad = api.client.post("/console/config/clerks", data={
        "csrf": csrf_of(page.text), "id": "c21", "name": "", "job_number": "ZW021",
        "window-5": "on"})
    assert bad.status_code == 422
    assert "未保存：请检查「姓名」" in bad.text and "name: " in bad.text
    assert 'value="ZW021"' in bad.text and re.search(r'name="window-5" checked', bad.text)
    assert 'data-clerk="c21"' not in bad.text
    english = api.client.post("/console/config/clerks?lang=en", data={
        "csrf": csrf_of(page.text), "id": "c21", "name": ""})
    assert english.status_code == 422 and "Not saved: check “Name”" in english.text
    assert "> Window 5</label>" in english.text and "5号窗口" not in english.text


def test_change_disable_enable_and_a_stale_form_is_a_named_conflict(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    api.login("1", "c01")
    page = api.client.get("/console/config/clerks/c01")
    assert page.status_code == 200 and 'id="change-clerk"' in page.text
    csrf, version = csrf_of(page.text), version_on(page.text)
    changed = api.client.post("/console/config/clerks/c01", follow_redirects=False, data={
        "csrf": csrf, "version": version, "name": "王芳芳", "job_number": "ZW101",
        "window-1": "on", "window-2": "on", "window-6": "on"})
    assert changed.status_code == 303 and "done=saved" in changed.headers["location"]
    clerk = next(c for c in api.ok("GET", "/api/config")["clerks"] if c["id"] == "c01")
    assert clerk["name"] == "王芳芳" and clerk["windows"] == ["1", "2", "6"]
    assert api.window("1")["clerk"]["name"] == "王芳芳"  # still logged in, with the new name
    stale = api.client.post("/console/config/clerks/c01", data={
        "csrf": csrf, "version": version, "name": "旧的", "window-1": "on"})
    assert stale.status_code == 409 and "changed meanwhile" in stale.text
    assert "clerks/c01 已被他人修改（现为第 2 版，您打开的是第 1 版）" in stale.text
    assert 'value="旧的"' in stale.text
    page = api.client.get("/console/config/clerks/c01")
    disabled = api.client.post("/console/config/clerks/c01/disable", follow_redirects=False,
                               data={"csrf": csrf, "version": version_on(page.text)})
    assert disabled.status_code == 303
    assert api.window("1")["clerk"] is None and api.window("1")["status"] == "closed"
    login = api.post("/api/windows/1/login", PADS, json={"clerk": "c01", "pin": "1234"})
    assert login.status_code == 403 and login.json()["code"] == "clerk_disabled"
    page = api.client.get("/console/config/clerks/c01")
    assert "已停用" in page.text and 'id="enable-clerk"' in page.text
    enabled = api.client.post("/console/config/clerks/c01/enable", follow_redirects=False,
                              data={"csrf": csrf, "version": version_on(page.text)})
    assert enabled.status_code == 303
    api.login("1", "c01")
    missing = api.client.post("/console/config/clerks/nobody/disable", data={"csrf": csrf})
    assert missing.status_code == 404
    assert "nobody" not in [c["id"] for c in api.ok("GET", "/api/config")["clerks"]]


def test_a_reset_pin_is_shown_once_outranks_the_old_one_and_is_audited_without_it(
        api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console/config/clerks/c02")
    reset = api.client.post("/console/config/clerks/c02/pin", data={
        "csrf": csrf_of(page.text), "version": version_on(page.text)})
    assert reset.status_code == 200
    pin = pin_on(reset.text)
    old = api.post("/api/windows/2/login", PADS, json={"clerk": "c02", "pin": "2345"})
    assert old.status_code == 403
    api.ok("POST", "/api/windows/2/login", PADS, json={"clerk": "c02", "pin": pin})
    assert pin not in api.client.get("/console/config/clerks/c02").text
    line = [x for x in api.ok("GET", "/api/audit") if x["target"] == "clerks/c02"][-1]
    assert line["who"] == "console:boss" and line["after"]["secrets_changed"] == ["pin_hash"]
    assert pin not in str(line)


def test_a_viewer_sees_the_clerks_but_may_not_change_and_forms_need_their_csrf(
        api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/config/clerks")
    assert page.status_code == 200 and "王芳" in page.text and 'id="add-clerk"' not in page.text
    one = api.client.get("/console/config/clerks/c01")
    assert one.status_code == 200 and 'id="reset-pin"' not in one.text
    assert api.client.get("/console/config/clerks/nobody").status_code == 404
    for path in ("/console/config/clerks", "/console/config/clerks/c01/pin",
                 "/console/config/clerks/c01/disable"):
        refused = api.client.post(path, data={"csrf": "x", "id": "c30", "name": "某"})
        assert refused.status_code == 403
    log_in(api.client, "boss")
    no_csrf = api.client.post("/console/config/clerks/c01/disable", data={"version": "1"})
    assert no_csrf.status_code == 403
    api.login("1", "c01")  # c01 was never disabled
