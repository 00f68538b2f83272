"""Appointments (6.3): a code for a slot; check-in within the slot gives a priority ticket,
arriving after the slot forfeits it (6.3.5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hallq.server.domain.errors import Conflict


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    FORFEITED = "forfeited"
    CANCELLED = "cancelled"


@dataclass
class Appointment:
    code: str
    service: str
    slot_start: datetime
    slot_end: datetime
    status: AppointmentStatus = AppointmentStatus.BOOKED
    ticket_id: int | None = None
    citizen_digest: str = ""  # a keyed hash of the ID or phone number, never the number
    citizen_masked: str = ""  # ****1234 for the clerk to recognise


def check_in(appointment: Appointment, now: datetime, early_s: int) -> None:
    """Raise unless the citizen may check in now; a late arrival forfeits the slot (6.3.5)."""
    if appointment.status is AppointmentStatus.CHECKED_IN:
        raise Conflict(f"appointment {appointment.code} was already checked in",
                       code="appointment_used")  # the service adds the ticket's number
    if appointment.status is not AppointmentStatus.BOOKED:
        raise Conflict(f"appointment {appointment.code} is {appointment.status}",
                       code=f"appointment_{appointment.status}")
    if now > appointment.slot_end:
        appointment.status = AppointmentStatus.FORFEITED
        raise Conflict(f"appointment {appointment.code} ended at "
                       f"{appointment.slot_end:%H:%M}; a late arrival forfeits it (6.3.5), "
                       "please take an ordinary ticket", code="appointment_forfeited")
    opens = (appointment.slot_start - timedelta(seconds=early_s)).astimezone(now.tzinfo)
    if now < opens:
        raise Conflict(f"appointment {appointment.code} can be checked in from "
                       f"{opens:%H:%M}", code="appointment_too_early",
                       values={"opens_at": f"{opens:%H:%M}",
                               "opens_on": opens.date().isoformat(),
                               "opens": opens.isoformat(timespec="minutes")})
