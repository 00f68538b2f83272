"""Appointments (6.3): booked through the API or imported from a file, checked in at the kiosk."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hallq import contract
from hallq.server.domain.appointments import Appointment, AppointmentStatus
from hallq.server.domain.appointments import check_in as domain_check_in
from hallq.server.domain.errors import Conflict, Invalid, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.secrets import keyed_digest, mask_number
from hallq.server.domain.ticket import PriorityReason, Ticket
from hallq.server.service import appointment_file
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.service.views import iso
from hallq.server.service.work import Work

SLOT_RANGE = timedelta(days=2 * 365)  # slots further off are typos (and overflow time zones)
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def appointment_view(a: Appointment, uow: UnitOfWork) -> contract.Appointment:
    return contract.Appointment(code=a.code, service=a.service,
                                slot_start=iso(a.slot_start, uow.tz),
                                slot_end=iso(a.slot_end, uow.tz), status=a.status.value,
                                ticket_id=a.ticket_id, citizen=a.citizen_masked or None)


def find(uow: UnitOfWork, code: str) -> contract.Appointment:
    found = uow.store.appointment(code.strip().upper())
    if found is None:
        raise NotFound(f"no appointment {code}", code="no_appointment")
    return appointment_view(found, uow)


def new_appointment(uow: UnitOfWork, service: str, slot_start: datetime, slot_end: datetime,
                    code: str | None = None, citizen_id: str | None = None) -> Appointment:
    """A new appointment; a citizen's ID or phone number is kept only hashed and masked."""
    uow.state.check_service(service)
    for name, value in (("slot_start", slot_start), ("slot_end", slot_end)):
        if value.tzinfo is None:
            raise Invalid(f"{name}: give a time zone offset, like 2026-11-23T09:00+08:00",
                          field=name)
    now = uow.clock()
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
        digest, masked = keyed_digest(citizen_id, uow.store.secret()), mask_number(citizen_id)
    return Appointment(code, service, slot_start, slot_end, citizen_digest=digest,
                       citizen_masked=masked)


def book(uow: UnitOfWork, booked: list[Appointment]) -> None:
    """Keep new appointments, all or (a code taken) none."""
    def command(work: Work) -> tuple[None, list[Event]]:
        work.booked.extend(booked)
        return None, []

    uow.run(command)


def check_in(uow: UnitOfWork, code: str, service: str | None, device: str = "") -> Ticket:
    """The citizen arrived: within the slot the appointment becomes a priority ticket.
    The appointment is loaded inside the unit of work, so it gives at most one ticket."""
    code = code.strip().upper()

    def command(work: Work) -> tuple[Ticket, list[Event]]:
        appointment = work.store.appointment(code)
        if appointment is None:
            raise NotFound(f"no appointment {code}", code="no_appointment")
        if service and service != appointment.service:
            raise Invalid(f"service: appointment {code} is for {appointment.service}",
                          field="service")
        svc = work.state.check_service(appointment.service)
        try:
            domain_check_in(appointment, uow.local(work.now), uow.hall.policy.appointment_early_s)
        except Conflict as exc:
            if appointment.status is AppointmentStatus.FORFEITED:
                work.appointments.append(appointment)
            if exc.code == "appointment_used" and appointment.ticket_id is not None:
                got = work.state.tickets.get(appointment.ticket_id) or \
                    work.store.ticket(appointment.ticket_id)
                if got is not None:  # the citizen sees the number it already got
                    exc.values["number"] = got.number
                    exc.message += f" (ticket {got.number})"
            raise
        ticket, events = work.state.issue(svc, uow.local(work.now).date(), work.now,
                                          uow.new_token(), PriorityReason.APPOINTMENT,
                                          appointment.code)
        appointment.status, appointment.ticket_id = AppointmentStatus.CHECKED_IN, ticket.id
        work.appointments.append(appointment)
        if device:
            work.issuers.append((ticket.id, device))
        return ticket, events

    return uow.run(command)


def import_csv(uow: UnitOfWork, path: Path, data: bytes | None = None) -> int:
    """Rows ``code,service,slot_start,slot_end[,citizen_id]``; all or nothing, and every bad
    line named (a service by code or name, local times in the hall's zone, UTF-8 or GBK).
    ``data``: the file's bytes when it was uploaded (the console), ``path`` its name."""
    booked: list[Appointment] = []
    errors: list[str] = []
    first_line: dict[str, int] = {}
    for line, row in appointment_file.rows(path, data):
        try:
            appointment = new_appointment(
                uow, appointment_file.service_code(uow.hall, row.get("service", "")),
                appointment_file.slot_time(row.get("slot_start", ""), uow.tz, "slot_start"),
                appointment_file.slot_time(row.get("slot_end", ""), uow.tz, "slot_end"),
                row.get("code") or None, row.get("citizen_id") or None)
            if appointment.code in first_line:
                raise Invalid(f"code: {appointment.code} is used twice (also line "
                              f"{first_line[appointment.code]})", field="code")
            if uow.store.appointment(appointment.code) is not None:
                raise Invalid(f"code: {appointment.code} is already booked", field="code")
        except (Invalid, NotFound) as exc:
            errors.append(f"line {line}: {exc.message}")
            continue
        first_line[appointment.code] = line
        booked.append(appointment)
    if errors:
        raise Invalid(f"{path}: nothing imported:\n  " + "\n  ".join(errors))
    book(uow, booked)
    return len(booked)


def on_day(uow: UnitOfWork, day: date) -> list[contract.Appointment]:
    """The appointments whose slot starts on ``day`` (the hall's day), as the API shows one:
    the citizen's number only masked (5.6.2)."""
    start = datetime.combine(day, time(), uow.tz)
    found = uow.store.appointments_between(start, start + timedelta(days=1))
    return [appointment_view(a, uow) for a in found]
