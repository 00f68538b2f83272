"""Is this exception the storage failing (full disk, database gone), rather than a bug?"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, OperationalError

FULL = ("database or disk is full", "no space left on device", "disk full", "disk quota")
FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)
DISK_FULL_SQLSTATES = ("53100",)  # PostgreSQL disk_full (class 53: insufficient resources)
STORAGE_ERRORS: tuple[type[Exception], ...] = (DBAPIError, OSError)  # what may be one


def storage_failure(exc: BaseException) -> str | None:
    """A readable reason if ``exc`` is the database failing to store, else None."""
    if isinstance(exc, OSError):
        if exc.errno in FULL_ERRNOS:
            return "the server's disk is full"
        return None
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig).lower()
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if sqlstate in DISK_FULL_SQLSTATES or any(words in text for words in FULL):
        return "the database's disk is full"
    if isinstance(exc, OperationalError):
        return "the database cannot be written now"
    return None
