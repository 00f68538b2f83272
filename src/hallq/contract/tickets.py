"""Tickets, services (with their 一次性告知 guide), ratings and appointments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hallq.contract.base import Answer

TicketStatus = Literal["waiting", "called", "done", "missed", "cancelled"]
FollowUpStatus = Literal["open", "contacted", "resolved"]


class Health(Answer):
    status: Literal["ok"]


class Ticket(Answer):
    id: int
    number: str = Field(description="service prefix and daily sequence, e.g. A012")
    service: str
    service_name: str = ""
    status: TicketStatus
    window: str | None = None
    priority: bool = False
    priority_reason: str | None = None
    issued_at: str | None = None
    called_at: str | None = None
    finished_at: str | None = None
    waiting_ahead: int = 0
    recalls: int = 0
    transferred_from: str | None = None
    appointment: str | None = None
    windows: list[str] = Field(default_factory=list, description="the windows serving it")


class IssuedTicket(Ticket):
    """The answer to ``POST /api/tickets`` (and ``GET /api/tickets/{id}`` for the kiosk that
    issued it, or the admin): the ticket with its secret status page."""

    status_url: str | None = Field(None, description="the ticket's own status (and rating) "
                                   "page, printed as a QR code; contains the ticket's secret, "
                                   "so it is given to the issuing kiosk (and the admin) only")
    appointment_slot: str | None = Field(None, description="a checked-in appointment's slot, "
                                         "HH:MM-HH:MM (printed on the ticket)")


class CallAnswer(Answer):
    ticket: Ticket | None


class Guide(Answer):
    """一次性告知 (6.1.2): what to bring, how long it takes, the legal basis, the fee."""

    materials: tuple[str, ...] = ()
    time_limit: str = ""
    legal_basis: str = ""
    fee: str = ""
    notes: str = ""
    materials_en: tuple[str, ...] = Field(default=(), description="the materials in English, "
                                          "one for each; empty: not translated")
    time_limit_en: str = ""
    legal_basis_en: str = ""
    fee_en: str = ""
    notes_en: str = ""

    def in_language(self, language: str) -> Guide:
        """The guide in ``language``, each field falling back to the Chinese."""
        if language != "en":
            return self
        return Guide(materials=self.materials_en or self.materials,
                     time_limit=self.time_limit_en or self.time_limit,
                     legal_basis=self.legal_basis_en or self.legal_basis,
                     fee=self.fee_en or self.fee, notes=self.notes_en or self.notes)


class Service(Answer):
    code: str
    name: str
    name_en: str = ""
    prefix: str = ""
    department: str = ""
    department_en: str = ""
    waiting: int = 0
    estimated_wait_s: int = 0
    open: bool = True
    closed_reason: str | None = None
    issued_today: int = 0
    daily_quota: int | None = None
    hours: str = ""
    windows: list[str] = Field(default_factory=list)
    guide: Guide = Field(default_factory=Guide)
    opens_at: str | None = Field(None, description="closed by its hours or a holiday: when it "
                                 "opens again (local ISO time); null while open")
    open_windows: int = Field(-1, description="windows serving it that can call now (a clerk "
                              "there, not paused); -1: not known")


class Rating(Answer):
    id: int
    ticket_id: int
    score: int = Field(ge=1, le=5)
    level: str
    window: str | None = None
    clerk: str | None = None
    service: str
    rated_at: str | None = None
    channel: str
    reasons: list[str] = Field(default_factory=list)
    comment: str = ""
    follow_up: FollowUpStatus | None = None
    follow_up_due: str | None = None
    follow_up_note: str = ""


class RatingOptions(Answer):
    """The five levels (9.2) and the reasons a bad rating may give (``[policy]``)."""

    levels: dict[str, str] = Field(description='"1" … "5" → 非常不满意 … 非常满意')
    reasons: list[str] = Field(description="what a rating of 1 or 2 may give as its reasons; "
                               "a rating sends these (Chinese) words")
    levels_en: dict[str, str] = Field(description="the levels in English")
    reasons_en: list[str] = Field(description="the reasons in English, in the same order "
                                  "(one not translated stays Chinese)")


class Appointment(Answer):
    code: str
    service: str
    slot_start: str | None
    slot_end: str | None
    status: str
    ticket_id: int | None = None
    citizen: str | None = Field(None, description="masked ID or phone number")
