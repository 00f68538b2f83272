"""Report periods: a day, a Monday-to-Sunday week, a month, a range of whole days."""

from __future__ import annotations

from datetime import date

import pytest

from hallq.server.domain.errors import Invalid
from hallq.server.domain.periods import MAX_DAYS, Period


def test_weeks_and_months_around_a_day() -> None:
    week = Period.of("week", date(2026, 12, 2))  # a Wednesday
    assert (week.start, week.end, week.days) == (date(2026, 11, 30), date(2026, 12, 6), 7)
    feb = Period.of("month", date(2028, 2, 10))  # a leap year
    assert (feb.start, feb.end, feb.days) == (date(2028, 2, 1), date(2028, 2, 29), 29)
    dec = Period.of("month", date(2026, 12, 31))
    assert (dec.start, dec.end) == (date(2026, 12, 1), date(2026, 12, 31))
    assert Period.of("day", date(2026, 12, 1)).label() == "2026-12-01"
    assert Period.between(date(2026, 11, 30), date(2026, 12, 1)).each_day() == \
        [date(2026, 11, 30), date(2026, 12, 1)]


def test_a_range_backwards_or_too_long_is_refused() -> None:
    with pytest.raises(Invalid) as backwards:
        Period.between(date(2026, 12, 1), date(2026, 11, 30))
    assert backwards.value.field == "to"
    start = date(2024, 1, 1)
    assert Period.between(start, date.fromordinal(start.toordinal() + MAX_DAYS - 1)).days == \
        MAX_DAYS
    with pytest.raises(Invalid):
        Period.between(start, date.fromordinal(start.toordinal() + MAX_DAYS))
    with pytest.raises(Invalid):
        Period.of("year", start)
