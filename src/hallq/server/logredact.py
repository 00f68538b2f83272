"""Device tokens never reach a log: a filter that blanks them in every record it sees.

Apps send their token in the ``Authorization`` header, but a browser (or an old app) may still
put it in the WebSocket URL (``/api/events?token=...``), and uvicorn logs that URL, with its
query, at level INFO. The filter rewrites the message and its arguments before any formatter
reads them, so the access log's own formatter (which unpacks the arguments) keeps working.
"""

from __future__ import annotations

import logging
import re
from typing import Any

HIDDEN = "***"
_PATTERNS = (
    re.compile(r"((?:access_)?token=)[^&\s\"'#]+", re.IGNORECASE),
    re.compile(r"(bearer\s+)[^\s\"',]+", re.IGNORECASE),
)
LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "websockets", "hallq")


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(rf"\1{HIDDEN}", text)
    return text


def _clean(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_clean(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _clean(v) for k, v in record.args.items()}
        return True


def install() -> RedactTokens:
    """Put the filter on the server's loggers and on every handler they write through (a
    logger's filter misses records its children propagate; a handler's sees them all)."""
    guard = RedactTokens()
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for target in (logger, *logger.handlers):
            if not any(isinstance(f, RedactTokens) for f in target.filters):
                target.addFilter(guard)
    return guard
