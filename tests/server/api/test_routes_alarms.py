"""Heartbeats and alarms through the API (in process, the clock moved by hand): a device's
token names it, a kiosk's printer and a quiet device raise alarms, and they clear."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.apifix import ADMIN, DISPLAY, KIOSK, PAD3, PADS, Api


def alarms(api: Api) -> dict[str, dict[str, Any]]:
    return {a["key"]: a for a in api.ok("GET", "/api/alarms")}


def beat(api: Api, token: str, **body: Any) -> dict[str, Any]:
    answer: dict[str, Any] = api.ok("POST", "/api/devices/heartbeat", token, json=body)
    return answer


def test_a_kiosk_out_of_paper_is_an_alarm_until_its_printer_is_ok_again(api: Api) -> None:
    answer = beat(api, KIOSK, app="kiosk", host="kiosk-pc", printer="ok")
    assert answer["device"]["key"] == "kiosk-1/kiosk/kiosk-pc"  # the token says which device
    assert answer["device"]["device"] == "kiosk-1" and answer["next_in_s"] == 30
    assert alarms(api) == {}
    api.clock.advance(seconds=5)
    beat(api, KIOSK, app="kiosk", host="kiosk-pc", printer="paper_out")
    found = alarms(api)["printer:kiosk-1/kiosk/kiosk-pc"]
    assert found["kind"] == "printer" and "缺纸" in found["message"]
    assert "out of paper" in found["message_en"]
    beat(api, KIOSK, app="kiosk", host="kiosk-pc", printer="ok")
    assert alarms(api) == {}


def test_an_app_that_stops_reporting_is_an_alarm_and_clears_when_it_reports(api: Api) -> None:
    beat(api, DISPLAY, app="display")
    beat(api, PADS, app="rating", window="4")
    api.clock.advance(seconds=60)
    beat(api, PADS, app="rating", window="4")
    api.clock.advance(seconds=31)
    api.server.service.watch.tick()  # the server's timer does this every few seconds
    found = alarms(api)
    assert list(found) == ["device_silent:tv-1/display"]
    assert found["device_silent:tv-1/display"]["minutes"] == 1
    devices = {d["key"]: d for d in api.ok("GET", "/api/devices")}
    assert devices["tv-1/display"]["silent"] and not devices["pads-all/rating/4"]["silent"]
    beat(api, DISPLAY, app="display")
    assert alarms(api) == {}


def test_a_device_taken_out_of_the_hall_is_forgotten(api: Api) -> None:
    beat(api, DISPLAY, app="display")
    api.clock.advance(seconds=200)
    api.server.service.watch.tick()
    assert list(alarms(api)) == ["device_silent:tv-1/display"]
    assert api.ok("DELETE", "/api/devices/tv-1/display") == []
    assert alarms(api) == {} and api.ok("GET", "/api/devices") == []
    assert api.call("DELETE", "/api/devices/tv-1/display").status_code == 404


def test_a_heartbeat_is_refused_for_what_the_token_may_not_be(api: Api) -> None:
    def refused(token: str, body: dict[str, Any]) -> tuple[int, str | None]:
        answer = api.post("/api/devices/heartbeat", token, json=body)
        return answer.status_code, answer.json().get("field")

    assert refused(DISPLAY, {"app": "kiosk"})[0] == 403  # a display's token runs no kiosk
    assert refused(PAD3, {"app": "caller", "window": "4"})[0] == 403  # not its window
    assert refused(ADMIN, {"app": "caller", "window": "99"})[0] == 404
    assert refused(PADS, {"app": "caller", "printer": "ok"}) == (422, "printer")
    assert refused(KIOSK, {"app": "kiosk", "printer": "melted"}) == (422, "printer")
    assert refused(KIOSK, {"app": "toaster"}) == (422, "app")
    assert api.post("/api/devices/heartbeat", None, json={"app": "kiosk"}).status_code == 401
    assert api.get("/api/alarms", KIOSK).status_code == 403


def test_a_long_wait_and_an_idle_window_are_raised_and_cleared_by_a_call(api: Api) -> None:
    api.login("2", "c02")
    api.issue("biz")
    api.clock.advance(minutes=11)
    api.server.service.watch.tick()
    assert list(alarms(api)) == ["window_idle:2"]
    api.clock.advance(minutes=20)
    api.server.service.watch.tick()
    found = alarms(api)
    assert set(found) == {"window_idle:2", "long_wait:biz"}
    assert found["long_wait:biz"]["ticket"] == "A001" and found["long_wait:biz"]["minutes"] == 31
    api.act("2", "next")  # the call itself clears both, with no tick
    assert alarms(api) == {}


def test_a_fault_in_the_alarm_check_never_fails_a_committed_command(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug in an alarm rule")

    monkeypatch.setattr(api.server.service.watch.book, "check", broken)
    assert api.post("/api/tickets", KIOSK, json={"service": "biz"}).status_code == 201
    assert api.ok("GET", "/api/tickets/1")["number"] == "A001"
