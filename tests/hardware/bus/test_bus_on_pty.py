"""The bus against simulated devices on real ptys (and one TCP line). Every wait is bounded."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hallq.hardware.bus.bridge import BusBridge
from hallq.hardware.bus.bridge_core import Action
from hallq.hardware.bus.config import parse_bus_config
from hallq.hardware.bus.framing import load_codec
from hallq.hardware.bus.sim_devices import SimDevice, SimKeypad, SimLedScreen, SimRatingDevice
from hallq.hardware.bus.sim_line import PtyLine, SimLine, TcpLine

FAST = {"gap_ms": 2, "timeout_ms": 50, "health_ms": 100, "backoff_min_ms": 100,
        "backoff_max_ms": 400, "reopen_ms": 100}


class Recorder:
    def __init__(self) -> None:
        self.actions: list[Action] = []
        self.status: list[tuple[str, int, bool]] = []
        self._cond = threading.Condition()

    def action(self, action: Action) -> None:
        with self._cond:
            self.actions.append(action)
            self._cond.notify_all()

    def device(self, port: str, address: int, online: bool) -> None:
        with self._cond:
            self.status.append((port, address, online))
            self._cond.notify_all()

    def wait(self, predicate: Callable[[], bool], timeout: float = 3.0) -> bool:
        with self._cond:
            return self._cond.wait_for(predicate, timeout)


def called(number: str, window: str) -> dict[str, Any]:
    return {"type": "ticket.called", "ticket": {"number": number}, "window": window,
            "window_name": f"{window}号窗口"}


def start(line: SimLine, codec: str, devices: list[dict[str, Any]]
          ) -> tuple[BusBridge, Recorder]:
    config = parse_bus_config({"ports": [{"name": "p", "url": line.url, "codec": codec, **FAST}],
                               "devices": devices}, "test")
    recorder = Recorder()
    bridge = BusBridge(config, recorder.action, on_device_status=recorder.device)
    bridge.start()
    return bridge, recorder


DEVICES = [{"kind": "led", "address": 3, "window": "3"},
           {"kind": "led", "address": 4, "window": "4"},
           {"kind": "keypad", "address": 13, "window": "3"},
           {"kind": "rating", "address": 23, "window": "3"}]


@pytest.fixture(params=["hallq", "vendor_aa55_sum", "vendor_fe_xor"])
def hall(request: pytest.FixtureRequest) -> Iterator[tuple[PtyLine, BusBridge, Recorder]]:
    codec = load_codec(request.param)
    sims: list[SimDevice] = [SimLedScreen(3, encoding=codec.text_encoding), SimLedScreen(4),
                             SimKeypad(13), SimRatingDevice(23)]
    line = PtyLine(codec, sims)
    bridge, recorder = start(line, request.param, DEVICES)
    yield line, bridge, recorder
    bridge.stop()
    line.close()


def shows(text: str) -> Callable[[SimDevice], bool]:
    return lambda device: device.text == text


def test_led_shows_what_the_bridge_sent(hall: tuple[PtyLine, BusBridge, Recorder]) -> None:
    line, bridge, _ = hall
    bridge.handle_event(called("A001", "3"))
    assert line.devices[3].wait_for(shows("A001"))
    bridge.handle_event({"type": "window.paused", "window": "4", "reason": "午休"})
    assert line.devices[4].wait_for(shows("暂停服务"))


def test_keypad_press_and_rating_key_become_actions(
    hall: tuple[PtyLine, BusBridge, Recorder]
) -> None:
    line, _, recorder = hall
    keypad, rating = line.devices[13], line.devices[23]
    assert isinstance(keypad, SimKeypad) and isinstance(rating, SimRatingDevice)
    keypad.press(1)
    rating.rate(5)
    assert recorder.wait(lambda: len(recorder.actions) == 2)
    assert sorted(recorder.actions, key=str) == [("rating", "3", 5), ("window", "3", "next")]


def test_garbage_on_the_line_is_survived(hall: tuple[PtyLine, BusBridge, Recorder]) -> None:
    line, bridge, recorder = hall
    for i in range(20):
        line.inject_garbage(bytes([0x02, 0xAA, 0x55, 0xFE, 0xFF, i, 0x03, 0xEF]))
        time.sleep(0.005)
    bridge.handle_event(called("A002", "3"))
    assert line.devices[3].wait_for(shows("A002"))
    keypad = line.devices[13]
    assert isinstance(keypad, SimKeypad)
    keypad.press(4)
    assert recorder.wait(lambda: ("window", "3", "finish") in recorder.actions)


def test_silent_device_is_reported_offline_while_others_work(
    hall: tuple[PtyLine, BusBridge, Recorder]
) -> None:
    line, bridge, recorder = hall
    assert recorder.wait(lambda: ("p", 4, True) in recorder.status)
    line.devices[4].silent = True
    assert recorder.wait(lambda: ("p", 4, False) in recorder.status)
    bridge.handle_event(called("A003", "3"))
    assert line.devices[3].wait_for(shows("A003"))
    keypad = line.devices[13]
    assert isinstance(keypad, SimKeypad)
    keypad.press(2)
    assert recorder.wait(lambda: ("window", "3", "recall") in recorder.actions)
    bridge.handle_event(called("B001", "4"))  # waits for the silent screen
    line.devices[4].silent = False
    assert recorder.wait(lambda: recorder.status.count(("p", 4, True)) == 2)
    assert line.devices[4].wait_for(shows("B001"))


def test_unplugged_device_comes_back_and_shows_again(
    hall: tuple[PtyLine, BusBridge, Recorder]
) -> None:
    line, bridge, recorder = hall
    bridge.handle_event(called("A004", "3"))
    assert line.devices[3].wait_for(shows("A004"))
    line.devices[3].unplug()
    assert recorder.wait(lambda: ("p", 3, False) in recorder.status)
    line.devices[3].plug()
    assert recorder.wait(lambda: recorder.status.count(("p", 3, True)) == 2)
    assert line.devices[3].wait_for(shows("A004"))  # the bus sent it again


@pytest.mark.parametrize("line_kind", [PtyLine, TcpLine])
def test_lost_port_is_reopened(line_kind: type[SimLine]) -> None:
    codec = load_codec("hallq")
    line = line_kind(codec, [SimLedScreen(3), SimKeypad(13)])
    bridge, recorder = start(line, "hallq", DEVICES[:1] + DEVICES[2:3])
    try:
        bridge.handle_event(called("A005", "3"))
        assert line.devices[3].wait_for(shows("A005"))
        assert recorder.wait(lambda: ("p", 13, True) in recorder.status)
        line.unplug()
        assert recorder.wait(lambda: ("p", 3, False) in recorder.status)
        assert ("p", 13, False) in recorder.status
        line.devices[3].unplug()  # unplugging the port cut the screen's power too
        line.devices[3].plug()
        line.plug()
        assert recorder.wait(lambda: recorder.status.count(("p", 13, True)) == 2)
        assert line.devices[3].wait_for(shows("A005"))
        keypad = line.devices[13]
        assert isinstance(keypad, SimKeypad)
        keypad.press(1)
        assert recorder.wait(lambda: ("window", "3", "next") in recorder.actions)
    finally:
        bridge.stop()
        line.close()


def test_several_buses_at_once() -> None:
    codec = load_codec("hallq")
    lines = [PtyLine(codec, [SimLedScreen(3)]) for _ in range(3)]
    bridges = [start(line, "hallq", DEVICES[:1])[0] for line in lines]
    try:
        for i, bridge in enumerate(bridges):
            bridge.handle_event(called(f"C00{i}", "3"))
        for i, line in enumerate(lines):
            assert line.devices[3].wait_for(shows(f"C00{i}"))
    finally:
        for bridge, line in zip(bridges, lines, strict=True):
            bridge.stop()
            line.close()
