"""How tickets and windows are read: digit by digit for tickets, as numbers for windows."""

import pytest

from hallq.display.voice.reading import (
    ReadingError,
    number_en,
    number_zh,
    read_window,
    spell,
    ticket_en,
    ticket_zh,
)
from hallq.display.voice.script import VoiceSettings, announcement, clip_names


def test_ticket_is_read_digit_by_digit_never_as_a_quantity() -> None:
    assert ticket_zh("A012") == ["letter_a", "zh_0", "zh_1", "zh_2"]
    assert ticket_zh("a100") == ["letter_a", "zh_1", "zh_0", "zh_0"]
    assert ticket_en("B007") == ["letter_b", "en_0", "en_0", "en_7"]


@pytest.mark.parametrize(
    ("window", "zh"),
    [
        (3, ["zh_3"]),
        (10, ["zh_shi"]),
        (12, ["zh_shi", "zh_2"]),
        (20, ["zh_2", "zh_shi"]),
        (105, ["zh_1", "zh_bai", "zh_0", "zh_5"]),
        (110, ["zh_1", "zh_bai", "zh_1", "zh_shi"]),
        (200, ["zh_2", "zh_bai"]),
    ],
)
def test_window_numbers_are_read_as_numbers_in_chinese(window: int, zh: list[str]) -> None:
    assert number_zh(window) == zh


@pytest.mark.parametrize(
    ("window", "en"),
    [
        (3, ["en_3"]),
        (12, ["en_12"]),
        (20, ["en_20"]),
        (47, ["en_40", "en_7"]),
        (105, ["en_1", "en_hundred", "en_5"]),
        (300, ["en_3", "en_hundred"]),
    ],
)
def test_window_numbers_are_read_as_numbers_in_english(window: int, en: list[str]) -> None:
    assert number_en(window) == en


def test_the_whole_chinese_sentence() -> None:
    parts = announcement("A012", "3", VoiceSettings())
    assert clip_names(parts) == [
        "chime", "zh_qing", "letter_a", "zh_0", "zh_1", "zh_2", "zh_hao",
        "zh_dao", "zh_3", "zh_hao", "zh_chuangkou", "zh_banli",
    ]


def test_repeat_and_english_follow_the_chinese() -> None:
    names = clip_names(announcement("A012", "12", VoiceSettings(repeat=2, english=True)))
    english = ["en_number", "letter_a", "en_0", "en_1", "en_2", "en_please_go_to", "en_window",
               "en_12"]
    chinese = clip_names(announcement("A012", "12", VoiceSettings(chime=False)))
    assert names == ["chime", *chinese, *english, *chinese, *english]


@pytest.mark.parametrize("name", ["3", " 3 ", "3号窗口", "第3窗口", "03", "窗口3", "Window 3"])
def test_window_names_holding_a_number_read_as_that_number(name: str) -> None:
    assert read_window(name).number == 3


def test_window_codes_are_spelled_and_other_names_go_to_system_speech() -> None:
    assert read_window("A3").spelled == "A3"
    assert spell("B12", "zh") == ["letter_b", "zh_shi", "zh_2"]
    assert read_window("综合受理区").text == "综合受理区"
    parts = announcement("A012", "综合受理区")
    assert "zh_chuangkou" not in clip_names(parts)


@pytest.mark.parametrize(("ticket", "window", "field"),
                         [("A0x", "3", "ticket"), ("", "3", "ticket"), ("ABCD1", "3", "ticket"),
                          ("A012", "", "window"), ("A012", "  ", "window")])
def test_bad_input_names_the_field(ticket: str, window: str, field: str) -> None:
    with pytest.raises(ReadingError, match=rf"^{field}:"):
        announcement(ticket, window)


def test_repeat_out_of_range_is_refused() -> None:
    with pytest.raises(ReadingError, match=r"^repeat:"):
        VoiceSettings(repeat=0)
