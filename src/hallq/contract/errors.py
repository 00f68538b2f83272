"""The body of every 4xx/5xx answer of the JSON API."""

from __future__ import annotations

from pydantic import Field

from hallq.contract.base import Answer


class ErrorBody(Answer):
    detail: str = Field(description="a readable reason, naming the field when there is one")
    code: str = Field(description="stable, for programs: e.g. unauthorized, forbidden, "
                      "not_found, invalid, bad_request, service_closed, already_rated")
    field: str | None = Field(description="the request field at fault, or null")
