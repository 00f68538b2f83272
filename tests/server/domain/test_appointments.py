"""Appointments (6.3, 6.3.5): check-in from the early window to the slot's end, then forfeited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hallq.server.domain.appointments import Appointment, AppointmentStatus, check_in
from hallq.server.domain.errors import Conflict

SLOT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 Shanghai


def appointment() -> Appointment:
    return Appointment("ABC12345", "biz", SLOT, SLOT + timedelta(minutes=30))


@pytest.mark.parametrize("minutes", [-30, -1, 0, 15, 30])
def test_check_in_from_early_window_to_slot_end_is_accepted(minutes: int) -> None:
    a = appointment()
    check_in(a, SLOT + timedelta(minutes=minutes), early_s=1800)
    assert a.status is AppointmentStatus.BOOKED  # the service layer marks it checked in


def test_late_arrival_forfeits_the_slot() -> None:
    a = appointment()
    with pytest.raises(Conflict, match=r"6\.3\.5") as err:
        check_in(a, SLOT + timedelta(minutes=31), early_s=1800)
    assert err.value.code == "appointment_forfeited"
    assert a.status is AppointmentStatus.FORFEITED
    with pytest.raises(Conflict) as again:
        check_in(a, SLOT, early_s=1800)
    assert again.value.code == "appointment_forfeited"


def test_too_early_is_refused_and_keeps_the_appointment() -> None:
    a = appointment()
    with pytest.raises(Conflict) as err:
        check_in(a, SLOT - timedelta(minutes=31), early_s=1800)
    assert err.value.code == "appointment_too_early"
    assert a.status is AppointmentStatus.BOOKED


def test_a_used_appointment_cannot_check_in_twice() -> None:
    a = appointment()
    a.status = AppointmentStatus.CHECKED_IN
    with pytest.raises(Conflict) as err:
        check_in(a, SLOT, early_s=1800)
    assert err.value.code == "appointment_used"
