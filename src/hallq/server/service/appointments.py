"""Appointments (6.3): booked through the API or imported from a file, checked in at the kiosk."""

from __future__ import annotations

import csv
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hallq.server.domain.appointments import Appointment, AppointmentStatus
from hallq.server.domain.appointments import check_in as domain_check_in
from hallq.server.domain.errors import Conflict, Invalid, NotFound
from hallq.server.domain.secrets import keyed_digest, mask_number
from hallq.server.domain.ticket import PriorityReason
from hallq.server.service.views import iso, issued_view

if TYPE_CHECKING:
    from hallq.server.service.hall_service import HallService

SLOT_RANGE = timedelta(days=2 * 365)  # slots further off are typos (and overflow time zones)
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def appointment_view(a: Appointment, hs: HallService) -> dict[str, Any]:
    return {"code": a.code, "service": a.service, "slot_start": iso(a.slot_start, hs.tz),
            "slot_end": iso(a.slot_end, hs.tz), "status": a.status.value,
            "ticket_id": a.ticket_id, "citizen": a.citizen_masked or None}


def book(hs: HallService, service: str, slot_start: datetime, slot_end: datetime,
         code: str | None = None, citizen_id: str | None = None) -> Appointment:
    """A new appointment; a citizen's ID or phone number is kept only hashed and masked."""
    hs.state.check_service(service)
    for name, value in (("slot_start", slot_start), ("slot_end", slot_end)):
        if value.tzinfo is None:
            raise Invalid(f"{name}: give a time zone offset, like 2026-11-23T09:00+08:00",
                          field=name)
    now = hs.clock()
    for name, value in (("slot_start", slot_start), ("slot_end", slot_end)):
        if abs(value - now) > SLOT_RANGE:  # aware subtraction: no overflow near year 1 or 9999
            raise Invalid(f"{name}: must be within {SLOT_RANGE.days // 365} years of today",
                          field=name)
    if slot_end <= slot_start:
        raise Invalid("slot_end: must come after slot_start", field="slot_end")
    code = (code or new_code()).strip().upper()
    if not code.isalnum() or len(code) > 40:
        raise Invalid("code: letters and digits only, at most 40", field="code")
    digest = masked = ""
    if citizen_id:
        digest, masked = keyed_digest(citizen_id, hs.store.secret()), mask_number(citizen_id)
    return Appointment(code, service, slot_start, slot_end, citizen_digest=digest,
                       citizen_masked=masked)


def check_in(hs: HallService, code: str, service: str | None) -> dict[str, Any]:
    """The citizen arrived: within the slot the appointment becomes a priority ticket."""
    code = code.strip().upper()
    appointment = hs.store.appointment(code)
    if appointment is None:
        raise NotFound(f"no appointment {code}", code="no_appointment")
    if service and service != appointment.service:
        raise Invalid(f"service: appointment {code} is for {appointment.service}",
                      field="service")
    svc = hs.state.check_service(appointment.service)
    with hs.lock:
        try:
            domain_check_in(appointment, hs.local(hs.clock()), hs.hall.policy.appointment_early_s)
        except Conflict:
            if appointment.status is AppointmentStatus.FORFEITED:
                hs.store.save_appointment(appointment)
            raise

        def command(now: datetime) -> Any:
            ticket, events = hs.state.issue(svc, hs.local(now).date(), now, hs.new_token(),
                                            PriorityReason.APPOINTMENT, appointment.code)
            appointment.status, appointment.ticket_id = AppointmentStatus.CHECKED_IN, ticket.id
            return ticket, events

        ticket = hs._run(command, appointment=appointment)
        return issued_view(hs.ticket_json(ticket), ticket, hs.hall)


def import_csv(hs: HallService, path: Path) -> int:
    """Rows ``code,service,slot_start,slot_end[,citizen_id]`` with ISO times; all or nothing."""
    booked: list[Appointment] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                booked.append(book(
                    hs, row.get("service") or "", _time(row.get("slot_start")),
                    _time(row.get("slot_end")), row.get("code") or None,
                    row.get("citizen_id") or None))
            except (Invalid, NotFound) as exc:
                raise Invalid(f"{path}: line {line}: {exc.message}") from None
    hs.store.add_appointments(booked)
    return len(booked)


def _time(text: str | None) -> datetime:
    try:
        return datetime.fromisoformat((text or "").strip())
    except ValueError:
        raise Invalid(f"time {text!r} is not like 2026-11-23T09:00+08:00") from None
