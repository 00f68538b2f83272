"""A clerk logs in with the 工号 printed on the pad (ZW003) and changes the PIN, on a real
server whose restart keeps the new PIN."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.realfix import PADS, PINS, RealServer

pytestmark = pytest.mark.slow  # a server process, restarted


def post(real: RealServer, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    with real.client(PADS) as c:
        response = c.post(path, json=body)
    return response.status_code, response.json()


def test_the_job_number_logs_in_and_the_new_pin_outlives_a_restart(real: RealServer) -> None:
    status, window = post(real, "/api/windows/3/login", {"clerk": "zw003", "pin": "3456"})
    assert status == 200, window
    assert window["clerk"]["id"] == "c03" and window["clerk"]["job_number"] == "ZW003"

    status, body = post(real, "/api/windows/3/pin", {"pin": "0000", "new_pin": "9753"})
    assert (status, body["code"]) == (403, "bad_login")  # the old PIN is checked
    status, body = post(real, "/api/windows/3/pin", {"pin": "3456", "new_pin": "12a"})
    assert (status, body["field"]) == (422, "new_pin") and "4 to 12 digits" in body["detail"]
    status, body = post(real, "/api/windows/3/pin", {"pin": "3456", "new_pin": "3456"})
    assert (status, body["code"]) == (422, "same_pin")
    status, body = post(real, "/api/windows/3/pin", {"pin": "3456", "new_pin": "9753"})
    assert status == 200 and body["clerk"]["id"] == "c03", body

    assert post(real, "/api/windows/3/logout")[0] == 200
    real.stop()
    real.start()
    status, body = post(real, "/api/windows/3/login", {"clerk": "ZW003", "pin": "3456"})
    assert (status, body["code"]) == (403, "bad_login")  # the old PIN is gone
    status, body = post(real, "/api/windows/3/login", {"clerk": "c03", "pin": "9753"})
    assert status == 200 and body["clerk"]["name"] == "张敏"
    status, body = post(real, "/api/windows/4/pin", {"pin": PINS["c02"], "new_pin": "2468"})
    assert (status, body["code"]) == (409, "not_logged_in")  # nobody at window 4


def test_wrong_job_numbers_lock_the_clerk_like_wrong_ids(real: RealServer) -> None:
    for _ in range(5):
        post(real, "/api/windows/3/login", {"clerk": "ZW003", "pin": "0000"})
    status, body = post(real, "/api/windows/5/login", {"clerk": "c03", "pin": "3456"})
    assert (status, body["code"]) == (429, "login_locked")  # one clerk, however it is named
