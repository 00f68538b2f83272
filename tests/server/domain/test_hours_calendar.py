"""Public holidays and make-up working days (调休), and when a closed hall opens again."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hallq.server.domain.errors import Invalid
from hallq.server.domain.hours import (
    is_open,
    next_opening,
    parse_holiday,
    parse_make_up_day,
    parse_period,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
HALL = tuple(parse_period(text) for text in (
    "mon-fri 08:30-12:00", "mon-fri 13:30-17:30", "sat 09:00-12:00"))
# 2026's National Day: 1-7 October off, Saturday 10 October worked with Friday's hours
GOLDEN_WEEK = frozenset(parse_holiday("2026-10-01..2026-10-07"))
MAKE_UP = dict([parse_make_up_day("2026-10-10 fri")])


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), SHANGHAI)


def test_a_holiday_closes_the_hall_and_says_when_it_opens() -> None:
    thursday = date(2026, 10, 1)
    assert is_open(HALL, at(thursday, 10)) is True  # an ordinary Thursday's hours
    assert is_open(HALL, at(thursday, 10), GOLDEN_WEEK, MAKE_UP) is False
    # closed 1-7 Oct, Thursday 8 Oct is an ordinary working day again
    assert next_opening(HALL, at(thursday, 10), GOLDEN_WEEK, MAKE_UP) == at(date(2026, 10, 8),
                                                                            8, 30)


def test_a_make_up_saturday_keeps_the_weekday_hours_it_names() -> None:
    saturday = date(2026, 10, 10)
    assert is_open(HALL, at(saturday, 15), GOLDEN_WEEK, MAKE_UP) is True  # Friday's afternoon
    assert is_open(HALL, at(saturday, 15)) is False  # an ordinary Saturday closes at noon
    assert next_opening(HALL, at(saturday, 12, 30), GOLDEN_WEEK, MAKE_UP) == at(saturday, 13,
                                                                                  30)
    assert parse_make_up_day("2026-09-27") == (date(2026, 9, 27), 0)  # Monday's hours


def test_next_opening_after_lunch_evening_and_weekend() -> None:
    friday = date(2026, 11, 27)
    assert next_opening(HALL, at(friday, 12, 10)) == at(friday, 13, 30)
    assert next_opening(HALL, at(friday, 18)) == at(friday + timedelta(days=1), 9)  # Saturday
    assert next_opening(HALL, at(friday + timedelta(days=1), 12)) == \
        at(friday + timedelta(days=3), 8, 30)  # Monday
    assert next_opening((), at(friday, 3)) is None  # always open: nothing to wait for


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=24 * 60 - 1))
def test_next_opening_is_open_and_nothing_before_it_is(day: int, minute: int) -> None:
    start = at(date(2026, 9, 20) + timedelta(days=day), minute // 60, minute % 60)
    assume(not is_open(HALL, start, GOLDEN_WEEK, MAKE_UP))  # asked only while closed
    opens = next_opening(HALL, start, GOLDEN_WEEK, MAKE_UP)
    assert opens is not None and opens > start
    assert is_open(HALL, opens, GOLDEN_WEEK, MAKE_UP)
    assert not is_open(HALL, opens - timedelta(minutes=1), GOLDEN_WEEK, MAKE_UP)
    probe = start
    while probe < opens:
        assert not is_open(HALL, probe, GOLDEN_WEEK, MAKE_UP)
        probe += timedelta(minutes=13)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-10-07..2026-10-01", "10/1",
                                  "2026-10-01.."])
def test_a_bad_holiday_is_refused_with_its_text(text: str) -> None:
    with pytest.raises(Invalid, match=r"2026|10/1"):
        parse_holiday(text)


@pytest.mark.parametrize("text", ["2026-10-10 fr", "2026-02-30", "tomorrow"])
def test_a_bad_make_up_day_is_refused_with_its_text(text: str) -> None:
    with pytest.raises(Invalid, match=text.split()[0]):
        parse_make_up_day(text)
