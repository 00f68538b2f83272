"""Opening hours (domain/hours.py): what the kiosk refuses and the display shows as closed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.server.domain.errors import Invalid
from hallq.server.domain.hall import WEEKDAYS, OpenPeriod
from hallq.server.domain.hours import describe, is_open, parse_period

MONDAY = date(2026, 11, 23)
# The example hall (config/hall.toml): mornings, a lunch break, afternoons, Saturday mornings.
HALL = tuple(parse_period(text) for text in (
    "mon-fri 08:30-12:00", "mon-fri 13:30-17:30", "sat 09:00-12:00"))

minutes = st.integers(min_value=0, max_value=24 * 60 - 1)
weekday_sets = st.frozensets(st.integers(min_value=0, max_value=6), min_size=1)


def at(day: int, clock: time) -> datetime:
    """The moment ``clock`` on weekday ``day`` (0 = Monday) of the week of 23 Nov 2026."""
    return datetime.combine(MONDAY + timedelta(days=day), clock)


def clock_of(minute: int, second: int = 0) -> time:
    return time(minute // 60, minute % 60, second)


def minute_of(clock: time) -> int:
    return clock.hour * 60 + clock.minute


@st.composite
def periods(draw: st.DrawFn) -> OpenPeriod:
    """A period as a config file can write it: whole minutes, the end after the start."""
    start = draw(st.integers(min_value=0, max_value=24 * 60 - 2))
    end = draw(st.integers(min_value=start + 1, max_value=24 * 60 - 1))
    return OpenPeriod(draw(weekday_sets), clock_of(start), clock_of(end))


moments = st.builds(at, st.integers(min_value=0, max_value=6),
                    st.builds(clock_of, minutes, st.integers(min_value=0, max_value=59)))


# ---- is_open ---------------------------------------------------------------------------------


@settings(deadline=None)
@given(st.lists(periods(), min_size=1, max_size=4), st.data())
def test_a_moment_inside_a_period_is_open(hours: list[OpenPeriod],
                                          data: st.DataObject) -> None:
    period = data.draw(st.sampled_from(hours))
    day = data.draw(st.sampled_from(sorted(period.weekdays)))
    start = period.start.hour * 60 + period.start.minute
    end = period.end.hour * 60 + period.end.minute
    minute = data.draw(st.integers(min_value=start, max_value=end - 1))
    second = data.draw(st.integers(min_value=0, max_value=59))
    assert is_open(tuple(hours), at(day, clock_of(minute, second)))


@settings(deadline=None)
@given(st.lists(periods(), min_size=1, max_size=4), st.data())
def test_a_moment_outside_every_period_is_closed(hours: list[OpenPeriod],
                                                 data: st.DataObject) -> None:
    covered = {(day, m) for p in hours for day in p.weekdays
               for m in range(minute_of(p.start), minute_of(p.end))}
    outside = [(day, m) for day in range(7) for m in range(24 * 60) if (day, m) not in covered]
    assert outside  # a period ends by 23:59 at the latest: every day has a closed minute
    day, minute = data.draw(st.sampled_from(outside))
    second = data.draw(st.integers(min_value=0, max_value=59))
    assert not is_open(tuple(hours), at(day, clock_of(minute, second)))


@settings(deadline=None)
@given(periods(), st.integers(min_value=0, max_value=6))
def test_the_start_is_open_and_the_end_is_already_closed(period: OpenPeriod, day: int) -> None:
    hours = (period,)
    assert is_open(hours, at(day, period.start)) is (day in period.weekdays)
    assert not is_open(hours, at(day, period.end))
    last_second = datetime.combine(MONDAY, period.end) - timedelta(seconds=1)
    assert is_open(hours, at(day, last_second.time())) is (day in period.weekdays)


@settings(deadline=None)
@given(moments)
def test_no_hours_configured_means_always_open(moment: datetime) -> None:
    assert is_open((), moment)


@settings(deadline=None)
@given(st.lists(periods(), max_size=4), moments, st.integers(min_value=-60, max_value=60))
def test_every_week_has_the_same_hours(hours: list[OpenPeriod], moment: datetime,
                                       weeks: int) -> None:
    assert is_open(tuple(hours), moment) == is_open(tuple(hours), moment + timedelta(weeks=weeks))


@settings(deadline=None)
@given(periods(), st.data())
def test_across_a_week_a_period_is_open_exactly_on_its_weekdays(period: OpenPeriod,
                                                                 data: st.DataObject) -> None:
    minute = data.draw(st.integers(min_value=minute_of(period.start),
                                   max_value=minute_of(period.end) - 1))
    open_days = {day for day in range(7) if is_open((period,), at(day, clock_of(minute)))}
    assert open_days == set(period.weekdays)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=4),
       st.integers(min_value=12 * 60, max_value=13 * 60 + 29))
def test_the_lunch_break_is_closed_on_working_days(day: int, minute: int) -> None:
    assert not is_open(HALL, at(day, clock_of(minute)))


def test_the_example_halls_week() -> None:
    for day in range(5):
        assert not is_open(HALL, at(day, time(8, 29, 59)))
        assert is_open(HALL, at(day, time(8, 30)))
        assert is_open(HALL, at(day, time(11, 59, 59)))
        assert not is_open(HALL, at(day, time(12, 0)))
        assert is_open(HALL, at(day, time(13, 30)))
        assert not is_open(HALL, at(day, time(17, 30)))
    assert is_open(HALL, at(5, time(9, 0))) and not is_open(HALL, at(5, time(13, 30)))
    assert not any(is_open(HALL, at(6, clock_of(m))) for m in range(0, 24 * 60, 15))


@settings(deadline=None)
@given(periods())
def test_a_period_does_not_run_past_midnight_into_the_next_day(period: OpenPeriod) -> None:
    for day in period.weekdays:
        next_day = (day + 1) % 7
        midnight = at(day, time(23, 59, 59)) + timedelta(seconds=1)
        assert is_open((period,), midnight) is (
            next_day in period.weekdays and period.start == time(0, 0))
        assert is_open((period,), at(next_day, period.start)) is (next_day in period.weekdays)


# ---- parse_period and describe --------------------------------------------------------------


@settings(deadline=None)
@given(st.lists(periods(), min_size=1, max_size=5))
def test_describe_reads_back_with_the_parser(hours: list[OpenPeriod]) -> None:
    text = describe(tuple(hours))
    assert tuple(parse_period(part) for part in text.split(", ")) == tuple(hours)


@settings(deadline=None)
@given(st.sampled_from(WEEKDAYS), st.sampled_from(WEEKDAYS), periods())
def test_a_range_of_days_runs_forward_and_may_wrap_over_the_weekend(
        first: str, last: str, period: OpenPeriod) -> None:
    span = f"{period.start:%H:%M}-{period.end:%H:%M}"
    days = parse_period(f"{first}-{last} {span}").weekdays
    a, b = WEEKDAYS.index(first), WEEKDAYS.index(last)
    assert days == {(a + k) % 7 for k in range((b - a) % 7 + 1)}
    assert parse_period(f"{first.upper()}-{last.title()} {span}").weekdays == days


@settings(deadline=None)
@given(weekday_sets, minutes, st.data())
def test_an_end_not_after_the_start_is_refused(days: frozenset[int], start: int,
                                               data: st.DataObject) -> None:
    end = data.draw(st.integers(min_value=0, max_value=start))
    text = describe((OpenPeriod(days, clock_of(start), clock_of(end)),))
    with pytest.raises(Invalid, match="the end must come after the start"):
        parse_period(text)


@pytest.mark.parametrize(("text", "says"), [
    ("mon-fri 9-12", "mon-fri 09:00-12:00"),
    ("mon-fri 09:00 12:00", "mon-fri 09:00-12:00"),
    ("09:00-12:00", "mon-fri 09:00-12:00"),
    ("mon-fri 09:00-24:00", "mon-fri 09:00-12:00"),
    ("mon-fry 09:00-12:00", "weekdays are mon, tue, wed, thu, fri, sat, sun"),
    ("monday 09:00-12:00", "weekdays are"),
    ("mon,,wed 09:00-12:00", "weekdays are"),
])
def test_a_mistyped_period_is_refused_with_the_expected_form(text: str, says: str) -> None:
    with pytest.raises(Invalid, match=says):
        parse_period(text)


def test_describe_writes_days_as_a_config_file_does() -> None:
    assert describe(HALL) == "mon-fri 08:30-12:00, mon-fri 13:30-17:30, sat 09:00-12:00"
    assert describe((parse_period("wed,mon,fri 09:00-10:00"),)) == "mon,wed,fri 09:00-10:00"
    assert describe((parse_period("sat-mon 09:00-10:00"),)) == "mon,sat,sun 09:00-10:00"
    assert describe(()) == "00:00-24:00"
