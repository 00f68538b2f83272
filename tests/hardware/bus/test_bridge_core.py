from __future__ import annotations

from typing import Any

from hallq.hardware.bus.bridge_core import Action, BusBridgeCore
from hallq.hardware.bus.config import parse_bus_config
from hallq.hardware.bus.message import Command, Message

CONFIG = parse_bus_config({
    "ports": [{"name": "p", "url": "loop://"}],
    "devices": [
        {"kind": "led", "address": 3, "window": "3"},
        {"kind": "led", "address": 4, "window": "4"},
        {"kind": "strip", "address": 50, "width": 64},
        {"kind": "keypad", "address": 13, "window": "3"},
        {"kind": "rating", "address": 23, "window": "3"},
    ],
}, "test")


def make(services: dict[str, list[str]] | None = None) -> tuple[BusBridgeCore, list[Action]]:
    actions: list[Action] = []
    return BusBridgeCore(CONFIG, actions.append, window_services=services), actions


def texts(out: list[tuple[str, Message]]) -> dict[int, str]:
    return {m.address: m.payload.decode("gbk") for _, m in out}


def called(number: str, window: str, **extra: Any) -> dict[str, Any]:
    return {"type": "ticket.called", "ticket": {"id": 1, "number": number}, "window": window,
            "window_name": f"{window}号窗口", **extra}


def test_called_shows_number_and_strip_text() -> None:
    core, _ = make()
    out = core.handle_event(called("A001", "3"))
    assert texts(out)[3] == "A001"
    assert texts(out)[50] == "请A001号到3号窗口"
    assert all(port == "p" for port, _ in out)
    strip = next(m for _, m in out if m.address == 50)
    assert strip.command is Command.SCROLL_TEXT
    out = core.handle_event(called("B002", "4"))
    assert texts(out) == {4: "B002", 50: "请B002号到4号窗口  请A001号到3号窗口"}


def test_unchanged_screens_are_not_sent_again() -> None:
    core, _ = make()
    core.handle_event(called("A001", "3"))
    assert core.handle_event({"type": "ticket.recalled", "ticket": {"number": "A001"},
                              "window": "3", "window_name": "3号窗口"}) == []


def test_paused_closed_finished() -> None:
    core, _ = make()
    core.handle_event(called("A001", "3"))
    assert texts(core.handle_event({"type": "window.paused", "window": "3",
                                    "reason": "午休"})) == {3: "暂停服务"}
    assert texts(core.handle_event({"type": "window.resumed", "window": "3"})) == {3: "A001"}
    finished = {"type": "ticket.finished", "ticket": {"id": 9, "number": "A001"}, "window": "3"}
    assert texts(core.handle_event(finished)) == {3: ""}
    assert core.last_finished("3") == {"id": 9, "number": "A001"}
    core.handle_event(called("A002", "3"))
    assert texts(core.handle_event({"type": "window.closed", "window": "3"})) == {3: ""}


def test_hello_sets_every_screen_and_waiting_counts() -> None:
    core, _ = make({"3": ["biz"]})
    a007 = {"id": 7, "number": "A007", "service": "biz", "status": "called", "window": "3"}
    state = {  # as GET /api/state answers it (hallq.contract.StateSnapshot)
        "hall": {"name": "示例市政务服务中心"}, "seq": 1,
        "windows": [{"id": "3", "name": "3号窗口", "status": "open", "current": a007},
                    {"id": "4", "name": "4号窗口", "status": "paused", "current": None}],
        "last_calls": [{"number": "A007", "window": "3", "window_name": "3号窗口"}],
        "waiting": {"biz": 5, "tax": 2},
    }
    out = texts(core.handle_event({"type": "hello", "seq": 1, "state": state}))
    assert out == {3: "A007", 4: "暂停服务", 50: "请A007号到3号窗口", 13: "等待5"}
    out = texts(core.handle_event({"type": "ticket.issued", "ticket": {"number": "A008"},
                                   "waiting": {"biz": 6, "tax": 2}}))
    assert out == {13: "等待6"}


def test_keys_and_ratings_become_actions() -> None:
    core, actions = make()
    assert core.on_device_message("p", Message(13, Command.KEY_EVENT, b"\x01")) == (
        "window", "3", "next")
    core.on_device_message("p", Message(13, Command.KEY_EVENT, b"\x05"))
    core.on_device_message("p", Message(13, Command.KEY_EVENT, b"\x63"))  # unmapped key
    core.on_device_message("p", Message(23, Command.RATING_EVENT, b"\x04"))
    core.on_device_message("p", Message(99, Command.KEY_EVENT, b"\x01"))  # unknown device
    assert actions == [("window", "3", "next"), ("window", "3", "pause"), ("rating", "3", 4)]
