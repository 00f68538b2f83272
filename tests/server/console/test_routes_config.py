"""The console's configuration pages: the hall's notice and the devices, changed by an admin
through the live configuration (the same rules, audit and event as /api/config)."""

from __future__ import annotations

import re

from tests.server.apifix import DISPLAY, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def test_no_session_goes_to_the_log_in_page(api: Api) -> None:
    for path in ("/console/config", "/console/config/devices"):
        answer = api.client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and "/console/login" in answer.headers["location"]


def test_an_admin_changes_the_notice_and_the_displays_have_it(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console/config")
    assert page.status_code == 200 and "请带齐材料" in page.text
    saved = api.client.post("/console/config/hall", follow_redirects=False, data={
        "csrf": csrf_of(page.text), "version": "1", "notice": "今日办理至17:00"})
    assert saved.status_code == 303
    assert api.state()["hall"]["notice"] == "今日办理至17:00"
    stale = api.client.post("/console/config/hall", data={
        "csrf": csrf_of(page.text), "version": "1", "notice": "又一次"})
    assert stale.status_code == 409 and "changed meanwhile" in stale.text
    patch = [x for x in api.ok("GET", "/api/audit") if x["action"] == "config.patch"]
    assert patch[-1]["who"] == "console:boss" and patch[-1]["after"]["notice"] == "今日办理至17:00"


def test_a_viewer_sees_but_may_not_change_and_a_form_needs_its_csrf(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/config")
    assert page.status_code == 200 and 'action="/console/config/hall"' not in page.text
    devices = api.client.get("/console/config/devices")
    refused = api.client.post("/console/config/hall", data={"csrf": csrf_of(devices.text)
                              if 'name="csrf"' in devices.text else "x", "notice": "x"})
    assert refused.status_code == 403
    log_in(api.client, "boss")
    no_csrf = api.client.post("/console/config/hall", data={"notice": "x"})
    assert no_csrf.status_code == 403
    assert api.state()["hall"]["notice"].startswith("请带齐材料")


def test_an_admin_adds_a_device_sees_its_token_once_and_revokes_it(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get("/console/config/devices")
    added = api.client.post("/console/config/devices", data={
        "csrf": csrf_of(page.text), "id": "tv-2", "kind": "display", "windows": ""})
    assert added.status_code == 200
    found = re.search(r'<code id="new-token">([^<]+)</code>', added.text)
    assert found
    token = found.group(1)
    assert api.get("/api/state", token).status_code == 200
    again = api.client.get("/console/config/devices")
    assert 'data-device="tv-2"' in again.text and token not in again.text
    bad = api.client.post("/console/config/devices", data={
        "csrf": csrf_of(page.text), "id": "tv-3", "kind": "toaster"})
    assert bad.status_code == 422 and "kind" in bad.text
    revoked = api.client.post("/console/config/devices/tv-2/revoke", follow_redirects=False,
                              data={"csrf": csrf_of(page.text)})
    assert revoked.status_code == 303
    assert api.get("/api/state", token).status_code == 401
    assert api.get("/api/state", DISPLAY).status_code == 200
