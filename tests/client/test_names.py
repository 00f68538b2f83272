"""Pause reasons in the pads' and displays' language: the hall's English ones where it gives
them, the reason itself (what the server stores) otherwise."""

from __future__ import annotations

from hallq.client.names import reason_label, window_pause_reason
from hallq.display.tv.model import tile_view

HALL = {"pause_reasons": ["会议", "午休", "其他"],
        "pause_reasons_en": ["Meeting", "Lunch break", "Other"]}


def test_a_pause_reason_is_shown_in_english_on_an_english_pad() -> None:
    assert reason_label("午休", HALL, "en") == "Lunch break"
    assert reason_label("午休", HALL, "zh") == "午休"
    assert reason_label("不在列表", HALL, "en") == "不在列表"  # a reason the hall no longer has
    uneven = {**HALL, "pause_reasons_en": ["Meeting"]}
    assert reason_label("午休", uneven, "en") == "午休"  # not one for one: no guessing


def test_a_paused_window_says_its_reason_in_the_displays_language() -> None:
    window = {"id": "3", "name": "3号窗口", "name_en": "Window 3", "status": "paused",
              "pause_reason": "午休", "pause_reason_en": "Lunch break"}
    assert window_pause_reason(window, "en") == "Lunch break"
    assert window_pause_reason({**window, "pause_reason_en": None}, "en") == "午休"
    words = {"paused": "Paused"}.__getitem__
    assert tile_view(window, lambda key, **_: words(key), "en").small == "Lunch break"
    assert tile_view(window, lambda key, **_: "暂停", "zh").small == "午休"
