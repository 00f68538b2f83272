"""The bridge between a real server and simulated devices on a pty. Every wait is bounded."""

from __future__ import annotations

import logging

import pytest

from tests.bridge.conftest import WAIT_MS, Rig


def test_a_call_shows_on_the_window_led_and_the_hall_strip(rig: Rig) -> None:
    rig.login("1")
    number = rig.issue()["number"]
    assert rig.api("POST", "/api/windows/1/next")["ticket"]["number"] == number
    window = rig.hall.window("1")
    rig.wait(lambda: window.led.text == number)
    rig.wait(lambda: f"请{number}号到1号窗口" in rig.hall.strip.scroll)
    assert rig.hall.window("2").led.text == ""


def test_keypad_next_calls_a_ticket_on_the_server(rig: Rig) -> None:
    rig.login("2")
    ticket = rig.issue()
    window = rig.hall.window("2")
    with rig.qtbot.waitSignal(rig.runtime.actionDone, timeout=WAIT_MS) as done:
        window.keypad.press(1)
    action, reply = done.args
    assert action == ("window", "2", "next") and reply.ok
    called = rig.api("GET", f"/api/tickets/{ticket['id']}")
    assert (called["status"], called["window"]) == ("called", "2")
    rig.wait(lambda: window.led.text == ticket["number"])


def test_finish_on_the_keypad_then_a_rating_key_rates_that_ticket(rig: Rig) -> None:
    rig.login("3")
    ticket = rig.issue()
    window = rig.hall.window("3")
    window.keypad.press(1)
    rig.wait(lambda: window.led.text == ticket["number"])
    with rig.qtbot.waitSignal(rig.runtime.actionDone, timeout=WAIT_MS):
        window.keypad.press(4)  # finish
    assert rig.api("GET", f"/api/tickets/{ticket['id']}")["status"] == "done"
    rig.wait(lambda: window.led.text == "")
    with rig.qtbot.waitSignal(rig.runtime.actionDone, timeout=WAIT_MS) as done:
        window.rating.rate(5)
    action, reply = done.args
    assert action == ("rating", "3", 5) and reply.status == 201, reply
    report = rig.api("GET", "/api/reports/daily")
    assert report["ratings"]["5"] == 1


def test_pause_from_the_keypad_shows_on_the_led(rig: Rig) -> None:
    rig.login("1")
    window = rig.hall.window("1")
    window.keypad.press(5)
    rig.wait(lambda: window.led.text == "暂停服务")
    state = rig.api("GET", "/api/windows/1")
    assert state["status"] == "paused", state
    window.keypad.press(6)  # resume
    rig.wait(lambda: window.led.text == "")


def test_refusals_are_logged_plainly(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    window = rig.hall.window("2")  # no clerk logged in
    with caplog.at_level(logging.INFO, "hallq.bridge"), \
            rig.qtbot.waitSignal(rig.runtime.actionDone, timeout=WAIT_MS) as done:
        window.rating.rate(4)
    assert done.args[1].status == 409
    assert "window 2: rating 4 refused (409)" in caplog.text


def test_unplugged_devices_come_back_and_keep_working(rig: Rig) -> None:
    rig.login("1")
    first, second = rig.issue()["number"], rig.issue()["number"]
    window = rig.hall.window("1")
    window.keypad.press(1)
    rig.wait(lambda: window.led.text == first)
    online = rig.runtime.online
    for device in (window.led, window.keypad):
        device.unplug()
    rig.wait(lambda: online.get(("sim", 1)) is False and online.get(("sim", 101)) is False)
    assert window.led.text == ""
    for device in (window.led, window.keypad):
        device.plug()
    rig.wait(lambda: online.get(("sim", 1)) and online.get(("sim", 101)))
    rig.wait(lambda: window.led.text == first)  # shown again without a new call
    window.keypad.press(1)
    rig.wait(lambda: window.led.text == second)
