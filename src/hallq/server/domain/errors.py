"""Errors the hall's rules raise. The API turns each kind into one HTTP status."""

from __future__ import annotations


class HallError(Exception):
    """A request the hall refuses; ``code`` is stable for apps, the message readable."""

    code = "refused"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None,
                 values: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field
        self.values = dict(values or {})  # facts an app puts in its own words (a time, a number)


class NotFound(HallError):
    code = "not_found"


class Conflict(HallError):
    """The request is well formed but the state of the hall does not allow it (409)."""

    code = "conflict"


class Invalid(HallError):
    """The request itself is wrong: a bad value in a named field (422)."""

    code = "invalid"


class Forbidden(HallError):
    code = "forbidden"
