"""/api/audit: every change of the configuration (who, when, what, before, after) and every
log-in, success and failure; and the ``config.changed`` event of each change."""

from __future__ import annotations

import json
from typing import Any

from tests.server.apifix import ADMIN, DISPLAY, PADS, Api
from tests.server.console.consolefix import add_users, log_in


def audit(api: Api, query: str = "") -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = api.ok("GET", f"/api/audit{query}")
    return lines


def test_a_change_is_audited_with_who_before_and_after(api: Api) -> None:
    api.ok("PATCH", "/api/config/hall", json={"notice": "新的通知"})
    api.ok("PUT", "/api/config/clerks/c02", json={"name": "李强", "pin": "9999"})
    api.ok("PUT", "/api/config/devices/tv-2", "demo-manager-token", json={"kind": "display"})
    lines = [line for line in audit(api) if line["action"].startswith("config.")]
    seed, notice, clerk, device = lines
    assert seed["action"] == "config.seed"
    assert notice["who"] == "admin" and notice["target"] == "hall"
    assert notice["before"]["notice"].startswith("请带齐材料")
    assert notice["after"]["notice"] == "新的通知" and notice["after"]["version"] == 2
    assert notice["at"].startswith("2026-11-23T10:00")
    assert clerk["target"] == "clerks/c02" and clerk["after"]["secrets_changed"] == ["pin_hash"]
    assert device["who"] == "manager" and device["before"] is None
    text = api.get("/api/audit").text
    assert "pbkdf2" not in text and "9999" not in text


def test_log_ins_are_in_the_audit_too_success_and_failure(api: Api) -> None:
    api.post("/api/windows/4/login", PADS, json={"clerk": "c02", "pin": "0000"})
    api.login("4", "c02")
    logins = [line for line in audit(api) if line["action"].startswith("login.")]
    assert [(x["action"], x["who"], x["target"]) for x in logins] == [
        ("login.wrong_pin", "clerks/c02", "windows/4"), ("login.ok", "clerks/c02", "windows/4")]
    assert logins[0]["after"]["device"] == "pads-all"


def test_the_audit_is_read_by_days(api: Api) -> None:
    api.ok("PATCH", "/api/config/hall", json={"notice": "周一"})
    api.clock.advance(days=1)
    api.ok("PATCH", "/api/config/hall", json={"notice": "周二"})
    tuesday = audit(api, "?from=2026-11-24&to=2026-11-24")
    assert [line["after"]["notice"] for line in tuesday] == ["周二"]
    assert len(audit(api, "?from=2026-11-23&to=2026-11-24")) == 3  # with the seed
    assert api.get("/api/audit?from=2026-11-24&to=2026-11-23").status_code == 422
    assert api.get("/api/audit?from=yesterday").status_code == 422


def test_each_change_is_published_as_config_changed(api: Api) -> None:
    with api.client.websocket_connect("/api/events",
                                      headers={"Authorization": f"Bearer {DISPLAY}"}) as ws:
        assert json.loads(ws.receive_text())["type"] == "hello"
        api.ok("PATCH", "/api/config/hall", ADMIN, json={"notice": "午间不休息"})
        event = json.loads(ws.receive_text())
        assert (event["type"], event["target"], event["action"], event["version"]) == (
            "config.changed", "hall", "patch", 2)
        refused = api.call("DELETE", "/api/config/windows/1")  # clerk c01 needs it
        assert refused.status_code == 409
        api.ok("PUT", "/api/config/windows/4", json={"name": "4号", "services": ["biz"]})
        event = json.loads(ws.receive_text())  # nothing was published for the refusal
        assert (event["target"], event["version"]) == ("windows/4", 2)


def test_console_log_ins_are_in_the_audit(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss", "wrong-password")
    log_in(api.client, "boss")
    logins = [(x["who"], x["action"]) for x in audit(api) if x["who"].startswith("console:")]
    assert logins == [("console:boss", "login.wrong_password"), ("console:boss", "login.ok")]
