"""The body of every 4xx/5xx answer of the JSON API."""

from __future__ import annotations

from pydantic import Field

from hallq.contract.base import Answer


class ErrorBody(Answer):
    detail: str = Field(description="a readable reason, naming the field when there is one")
    code: str = Field(description="stable, for programs: e.g. unauthorized, forbidden, "
                      "not_found, invalid, bad_request, service_closed, already_rated")
    field: str | None = Field(description="the request field at fault, or null")
    values: dict[str, str] = Field(default_factory=dict, description="facts an app words "
                                   "itself, by code: appointment_too_early has opens_at "
                                   "(HH:MM), opens_on and opens (ISO 8601 with the hall's "
                                   "offset); appointment_used has number; "
                                   "service_closed has opens_at when the hall opens again")
