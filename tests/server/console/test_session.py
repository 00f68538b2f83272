"""Logging in to the console: sessions, CSRF, roles, lockout; an API token is no log-in."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hallq.server.bootstrap import build
from tests.server.apifix import ADMIN, HALL, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def test_without_a_session_every_page_goes_to_the_login_page(api: Api) -> None:
    for path in ("/console", "/console/live.json", "/console?lang=en"):
        answer = api.client.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/console/login")
    # the admin token of the API is not a console log-in
    answer = api.get("/console", ADMIN, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/console/login"
    page = api.client.get("/console/live.json")  # followed: the log-in form, in Chinese
    assert "用户名" in page.text and "密码" in page.text


def test_a_manager_logs_in_sees_the_hall_and_logs_out(api: Api) -> None:
    add_users(api.server)
    answer = log_in(api.client, "boss")
    assert answer.status_code == 303 and answer.headers["location"] == "/console"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
    page = api.client.get("/console")
    assert page.status_code == 200 and "实时大厅" in page.text and "1号窗口" in page.text
    assert "管理员" in page.text  # the role, in the header
    assert "script-src 'self'" in page.headers["content-security-policy"]  # no inline script
    assert page.headers["cache-control"] == "no-store"
    english = api.client.get("/console?lang=en")
    assert "Live hall" in english.text and "Window" in english.text
    assert "Live hall" in api.client.get("/console").text  # the choice is kept
    out = api.client.post("/console/logout", data={"csrf": csrf_of(page.text)},
                          follow_redirects=False)
    assert out.status_code == 303
    assert api.client.get("/console", follow_redirects=False).status_code == 303


def test_the_login_form_needs_its_csrf_token_and_the_right_password(api: Api) -> None:
    add_users(api.server)
    api.client.get("/console/login")
    forged = api.client.post("/console/login", data={
        "csrf": "forged", "username": "boss", "password": "boss-password-1"},
        follow_redirects=False)
    assert forged.status_code == 403 and "hallq_console=" not in forged.headers.get(
        "set-cookie", "")
    wrong = log_in(api.client, "boss", "not-the-password")
    assert wrong.status_code == 401 and "用户名或密码错误" in wrong.text
    unknown = log_in(api.client, "nobody", "whatever-password")
    assert unknown.status_code == 401 and "用户名或密码错误" in unknown.text


def test_five_wrong_passwords_lock_the_account_for_five_minutes(api: Api) -> None:
    add_users(api.server)
    for _ in range(4):
        assert log_in(api.client, "duty", "wrong-password").status_code == 401
    locked = log_in(api.client, "duty", "wrong-password")
    assert locked.status_code == 429 and "已锁定" in locked.text and "5 分钟" in locked.text
    assert log_in(api.client, "duty").status_code == 429  # even the right one, while locked
    assert log_in(api.client, "boss").status_code == 303  # other accounts are not locked
    api.clock.advance(minutes=5, seconds=1)
    assert log_in(api.client, "duty").status_code == 303
    outcomes = [a["outcome"] for a in api.server.app.state.accounts.audit_log()
                if a["user"] == "duty"]
    assert outcomes[::-1] == ["wrong_password"] * 4 + ["locked", "refused", "ok"]


def test_a_viewer_cannot_pause_and_a_form_without_the_csrf_token_is_refused(api: Api) -> None:
    add_users(api.server)
    api.login("1", "c01")
    assert log_in(api.client, "watch").status_code == 303
    page = api.client.get("/console")
    assert "/console/windows/1/pause" not in page.text  # no buttons for a viewer
    tried = api.client.post("/console/windows/1/pause",
                            data={"csrf": csrf_of(page.text), "reason": "午休"})
    assert tried.status_code == 403 and "没有这项权限" in tried.text
    assert api.window("1")["status"] == "open"
    assert log_in(api.client, "duty").status_code == 303
    page = api.client.get("/console")
    assert "/console/windows/1/pause" in page.text
    forged = api.client.post("/console/windows/1/pause", data={"csrf": "x", "reason": "午休"})
    assert forged.status_code == 403 and "表单已过期" in forged.text
    assert api.window("1")["status"] == "open"
    done = api.client.post("/console/windows/1/pause",
                           data={"csrf": csrf_of(page.text), "reason": "午休"})
    assert done.status_code == 200 and "1号窗口 已暂停" in done.text
    assert api.window("1")["status"] == "paused" and api.window("1")["pause_reason"] == "午休"


def test_a_session_survives_a_server_restart(api: Api) -> None:
    add_users(api.server)
    assert log_in(api.client, "boss").status_code == 303
    cookies = dict(api.client.cookies)
    again = build(HALL, f"sqlite:///{api.db}", admin_token=ADMIN, clock=api.clock)
    with TestClient(again.app, cookies=cookies) as client:
        assert client.get("/console", follow_redirects=False).status_code == 200
    again.service.close()
