from __future__ import annotations

import pytest

from hallq.hardware.bus.drivers import (
    CallerKeypad,
    HallStrip,
    LedWindowScreen,
    RatingDevice,
    fit_text,
)
from hallq.hardware.bus.message import Command, Message


def test_led_shows_number_paused_and_blank_in_gbk() -> None:
    led = LedWindowScreen(3)
    assert led.show_number("A001") == Message(3, Command.SHOW_TEXT, b"A001")
    assert led.show_paused().payload == "暂停服务".encode("gbk")
    assert led.blank() == Message(3, Command.SHOW_TEXT, b"")
    assert led.set_brightness(7).payload == b"\x07"
    with pytest.raises(ValueError, match="brightness"):
        led.set_brightness(16)


def test_long_text_is_cut_to_width_on_a_character_boundary() -> None:
    assert fit_text("请A001号到3号窗口", 7) == "请A001".encode("gbk")  # 号 would not fit whole
    assert fit_text("请A001号到3号窗口", 8) == "请A001号".encode("gbk")
    assert LedWindowScreen(1, width=4).show_text("暂停服务").payload == "暂停".encode("gbk")
    assert fit_text("𠀀", 8) == b"?"  # not in GBK
    assert HallStrip(9, width=64).scroll("x" * 100).payload == b"x" * 64


def test_keypad_maps_keys_through_its_keymap() -> None:
    keypad = CallerKeypad(11, keymap={7: "next", 8: "pause"})
    assert keypad.action(Message(11, Command.KEY_EVENT, b"\x07")) == "next"
    assert keypad.action(Message(11, Command.KEY_EVENT, b"\x08")) == "pause"
    assert keypad.action(Message(11, Command.KEY_EVENT, b"\x01")) is None
    assert keypad.action(Message(11, Command.ACK)) is None
    assert keypad.show_waiting(12).payload == "等待12".encode("gbk")
    with pytest.raises(ValueError, match="unknown actions"):
        CallerKeypad(1, keymap={1: "explode"})


def test_rating_keys_one_to_five_are_scores() -> None:
    rating = RatingDevice(5)
    assert rating.score(Message(5, Command.RATING_EVENT, b"\x05")) == 5
    assert rating.score(Message(5, Command.KEY_EVENT, b"\x01")) == 1
    assert rating.score(Message(5, Command.RATING_EVENT, b"\x06")) is None
    assert rating.score(Message(5, Command.ACK)) is None
