"""/api/config: the live configuration read and changed through the API, at once, by the
loader's rules; refused changes leave the running hall as it was."""

from __future__ import annotations

from typing import Any

from tests.server.apifix import DISPLAY, KIOSK, PADS, Api, detail


def config(api: Api) -> dict[str, Any]:
    data: dict[str, Any] = api.ok("GET", "/api/config")
    return data


def item(api: Api, kind: str, item_id: str) -> dict[str, Any]:
    key = "code" if kind == "services" else "id"
    return next(i for i in config(api)[kind] if i[key] == item_id)


def put(api: Api, kind: str, item_id: str, body: dict[str, Any], token: str | None = None
        ) -> Any:
    return api.call("PUT", f"/api/config/{kind}/{item_id}", token or "test-admin-token-0001",
                    json=body)


def test_the_configuration_has_the_toml_keys_and_versions_but_no_hashes(api: Api) -> None:
    data = config(api)
    assert data["hall"]["name"] == "示例县政务服务中心" and data["hall"]["version"] == 1
    assert [s["code"] for s in data["services"]][:2] == ["biz", "estate"]
    assert data["services"][0]["guide"]["fee"] == "不收费"
    text = api.get("/api/config").text
    assert "pin_hash" not in text and "token_sha256" not in text and "pbkdf2" not in text
    assert all("token" not in d for d in data["devices"])
    assert {c["id"] for c in data["clerks"]} >= {"c01", "c02"}


def test_only_an_admin_reads_or_changes_the_configuration(api: Api) -> None:
    for token in (KIOSK, PADS, DISPLAY):
        assert api.get("/api/config", token).status_code == 403
        assert put(api, "windows", "4", {"name": "x", "services": ["biz"]}, token
                   ).status_code == 403
    assert api.get("/api/config", None).status_code == 401
    assert api.get("/api/audit", DISPLAY).status_code == 403


def test_a_new_service_and_its_window_are_there_at_once(api: Api) -> None:
    alone = put(api, "services", "pass", {"name": "港澳通行证", "prefix": "P"})
    assert alone.status_code == 409 and "served by no window" in detail(alone)
    answer = put(api, "services", "pass", {"name": "港澳通行证", "prefix": "P", "windows": ["4"]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["version"] == 1
    assert item(api, "windows", "4")["services"] == ["biz", "pass"]
    assert item(api, "windows", "4")["version"] == 2
    services = api.ok("GET", "/api/services", KIOSK)
    assert services[-1]["code"] == "pass" and services[-1]["windows"] == ["4"]
    ticket = api.issue("pass")
    assert ticket["number"] == "P001"
    api.login("4", "c02")
    assert api.act("4", "next")["ticket"]["number"] == "P001"


def test_a_window_that_no_longer_serves_a_service_stops_calling_it(api: Api) -> None:
    api.login("1", "c01")
    first, second = api.issue("biz"), api.issue("social")
    put(api, "windows", "1", {"name": "1号窗口", "kind": "comprehensive",
                              "services": ["social", "general"]})
    called = api.act("1", "next")["ticket"]
    assert called["number"] == second["number"]  # biz is not called at window 1 any more
    assert api.act("1", "finish")["ticket"]["number"] == second["number"]
    assert api.act("1", "next")["ticket"] is None
    api.login("4", "c02")  # the biz ticket kept its number and waits for window 4
    assert api.act("4", "next")["ticket"]["number"] == first["number"]


def test_a_stale_version_is_a_409_naming_the_conflict(api: Api) -> None:
    body = {"name": "4号窗口", "services": ["biz"], "version": 1}
    assert put(api, "windows", "4", body).status_code == 200
    stale = put(api, "windows", "4", {**body, "name": "四号窗口"})
    assert stale.status_code == 409 and stale.json()["code"] == "version_conflict"
    assert "windows/4" in detail(stale) and "version 2" in detail(stale)
    assert item(api, "windows", "4")["name"] == "4号窗口"


def test_a_change_that_would_break_the_hall_is_refused_with_the_reason(api: Api) -> None:
    empty = put(api, "windows", "4", {"name": "4号窗口", "services": []})
    assert empty.status_code == 422 and empty.json()["field"] == "services"
    twice = put(api, "services", "biz2", {"name": "又一个", "prefix": "A"})
    assert twice.status_code == 409 and "prefix 'A' is used twice" in detail(twice)
    lost = put(api, "clerks", "c01", {"name": "王芳", "windows": ["99"]})
    assert lost.status_code == 422 and lost.json()["field"] == "windows"
    assert "no window '99'" in detail(lost)
    typo = put(api, "services", "biz", {"name": "企业开办", "prefix": "A", "prefx": "B"})
    assert typo.status_code == 422 and typo.json()["field"] == "prefx"
    # removing window 1 would leave clerk c01 (windows 1, 2) with a window that does not exist
    gone = api.call("DELETE", "/api/config/windows/1")
    assert gone.status_code == 409 and "clerks/c01" in detail(gone)
    assert len(api.state()["windows"]) == 14
    assert item(api, "windows", "4")["version"] == 1


def test_a_service_with_tickets_waiting_is_not_removed(api: Api) -> None:
    ticket = api.issue("help")
    refused = api.call("DELETE", "/api/config/services/help")
    assert refused.status_code == 409 and refused.json()["code"] == "in_use"
    window = {"name": "帮办代办窗口", "number": 14, "services": ["general"]}
    unserved = put(api, "windows", "14", window)  # its ticket would wait for nobody
    assert unserved.status_code == 409 and "served by no window" in detail(unserved)
    api.ok("POST", f"/api/tickets/{ticket['id']}/cancel", KIOSK, json={"reason": "gone"})
    assert api.call("DELETE", "/api/config/services/help").status_code == 200
    assert item(api, "windows", "14")["services"] == ["general"]  # it left the window too
    assert "help" not in [s["code"] for s in api.ok("GET", "/api/services", KIOSK)]


def test_a_disabled_clerk_is_logged_out_and_cannot_log_in(api: Api) -> None:
    api.login("4", "c02")
    answer = put(api, "clerks", "c02", {"name": "李强", "job_number": "ZW002", "disabled": True})
    assert answer.status_code == 200, answer.text
    assert "pin_hash" not in answer.json()
    assert api.window("4")["status"] == "closed"
    again = api.post("/api/windows/4/login", PADS, json={"clerk": "c02", "pin": "2345"})
    assert again.status_code == 403 and again.json()["code"] == "clerk_disabled"


def test_a_new_clerk_logs_in_with_the_pin_given(api: Api) -> None:
    assert put(api, "clerks", "c99", {"name": "新人"}).json()["field"] == "pin"
    assert put(api, "clerks", "c99", {"name": "新人", "pin": "4321"}).status_code == 200
    answer = api.post("/api/windows/5/login", PADS, json={"clerk": "c99", "pin": "4321"})
    assert answer.status_code == 200 and answer.json()["clerk"]["name"] == "新人"
    assert api.call("DELETE", "/api/config/clerks/c99").status_code == 409  # logged in


def test_a_device_token_is_shown_once_and_revoked_at_once(api: Api) -> None:
    made = put(api, "devices", "kiosk-2", {"kind": "kiosk"})
    assert made.status_code == 200
    token = made.json()["token"]
    assert api.ok("POST", "/api/tickets", token, json={"service": "biz"})["number"] == "A001"
    assert "token" not in item(api, "devices", "kiosk-2")
    assert api.call("DELETE", "/api/config/devices/kiosk-2").status_code == 200
    assert api.post("/api/tickets", token, json={"service": "biz"}).status_code == 401
    assert api.call("DELETE", "/api/config/devices/kiosk-1").status_code == 200
    assert api.post("/api/tickets", KIOSK, json={"service": "biz"}).status_code == 401


def test_the_hall_notice_and_policy_change_with_a_patch(api: Api) -> None:
    notice = {"notice": "今天下午停电检修", "version": 1}
    answer = api.call("PATCH", "/api/config/hall", json=notice)
    assert answer.status_code == 200 and answer.json()["version"] == 2
    assert api.state()["hall"]["notice"] == "今天下午停电检修"
    policy = api.call("PATCH", "/api/config/policy", json={"pause_reasons": ["会议", "培训"],
                                                               "pause_reasons_en": None})
    assert policy.status_code == 200
    assert api.state()["hall"]["pause_reasons"] == ["会议", "培训"]
    bad = api.call("PATCH", "/api/config/policy", json={"follow_up_days": 0})
    assert bad.status_code == 422 and bad.json()["field"] == "follow_up_days"
    assert api.call("PATCH", "/api/config/windows", json={}).status_code == 404


def test_junk_is_a_4xx_never_a_500(api: Api) -> None:
    bodies: list[Any] = [[], "x", 1, None, {"name": None}, {"name": {"a": [1]}},
                         {"services": "nope"}, {"version": "1"}, {"version": -1},
                         {"name": "x", "services": ["biz"], "pin": 1234, "token": 5}]
    for kind in ("services", "windows", "clerks", "devices", "nothing"):
        for body in bodies:
            answer = put(api, kind, "j1", body)
            assert 400 <= answer.status_code < 500, (kind, body, answer.text)
    assert api.call("PUT", "/api/config/windows/4", content=b"{").status_code == 422
    assert api.call("DELETE", "/api/config/windows/nope").status_code == 404


def test_a_guide_pin_is_hashed_and_the_green_channel_asks_for_it(api: Api) -> None:
    bare = api.call("PATCH", "/api/config/policy", json={"priority_needs_pin": True})
    assert bare.status_code == 422 and bare.json()["field"] == "guide_pin_hash"
    answer = api.call("PATCH", "/api/config/policy",
                      json={"priority_needs_pin": True, "guide_pin": "2468"})
    assert answer.status_code == 200 and "guide_pin" not in answer.text
    refused = api.post("/api/tickets", KIOSK, json={"service": "biz", "priority": True})
    assert refused.status_code == 403
    ticket = api.issue("biz", priority=True, guide_pin="2468")
    assert ticket["priority"] is True
