"""Request bodies. Unknown fields are refused (they are most often typos)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _iso_text(value: object) -> object:
    """A date or time is ISO 8601 text: a number (seconds since 1970?) is refused."""
    if not isinstance(value, str | date):
        raise ValueError("give ISO 8601 text, like 2026-11-23T09:00+08:00")
    return value


def _iso_day(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("give a day as YYYY-MM-DD")
    return value


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_text)]
IsoDay = Annotated[date, BeforeValidator(_iso_day)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class IssueTicket(Body):
    service: str | None = Field(None, max_length=40, description="service code; may be left "
                                "out when an appointment code is given")
    priority: bool = Field(False, description="green channel for the elderly and disabled")
    appointment: str | None = Field(None, max_length=40, description="appointment code")
    guide_pin: str | None = Field(None, max_length=20, description="when the hall requires it")
    language: Literal["zh", "en"] = Field("zh", description="the citizen's language at the "
                                          "kiosk: the status page (QR code) is served in it")


class CancelTicket(Body):
    reason: str = Field("print_failed", min_length=1, max_length=40)


class CallNumber(Body):
    number: str = Field(..., min_length=2, max_length=8, description="e.g. A012")


class Transfer(Body):
    service: str = Field(..., min_length=1, max_length=40)


class PauseWindow(Body):
    reason: str = Field(..., min_length=1, max_length=40)


class Login(Body):
    clerk: str = Field(..., min_length=1, max_length=40)
    pin: str = Field(..., min_length=1, max_length=20)


class ChangePin(Body):
    pin: str = Field(..., min_length=1, max_length=20, description="the clerk's PIN now")
    new_pin: str = Field(..., min_length=1, max_length=20, description="4 to 12 digits")


class RateTicket(Body):
    # the range is the domain's rule (its message names the levels); the OpenAPI shows it
    score: int = Field(..., description="1 非常不满意 … 5 非常满意",
                       json_schema_extra={"minimum": 1, "maximum": 5})
    reasons: list[str] = Field(default_factory=list, max_length=10)
    comment: str = Field("", max_length=500)
    channel: str = Field("pad", pattern="^(pad|device|qr|web)$")


class RateWindow(RateTicket):
    channel: str = Field("device", pattern="^(pad|device|qr|web)$")


class BookAppointment(Body):
    service: str = Field(..., min_length=1, max_length=40)
    slot_start: IsoDateTime
    slot_end: IsoDateTime
    code: str | None = Field(None, max_length=40)
    citizen_id: str | None = Field(None, max_length=40, description="ID or phone number: "
                                   "kept only as a keyed hash and a masked form")


class FollowUpUpdate(Body):
    status: str = Field(..., pattern="^(open|contacted|resolved|in_progress|closed)$",
                        description="open; in_progress (= contacted); closed (= resolved)")
    note: str = Field("", max_length=1000, description="what was done; appended to the "
                      "follow-up's history, never replacing an earlier note")


class Heartbeat(Body):
    app: str = Field(..., pattern="^(kiosk|display|caller|rating|bridge)$",
                     description="which app reports: kiosk, display, caller, rating, bridge")
    window: str | None = Field(None, min_length=1, max_length=40,
                               description="a caller or rating pad's window")
    host: str = Field("", max_length=60, pattern=r"^[\w.\-]*$",
                      description="the computer it runs on (tells apart two that share a token)")
    printer: str | None = Field(None, pattern="^(ok|paper_low|paper_out|cover_open|offline|error)$",
                                description="a kiosk's ticket printer")
