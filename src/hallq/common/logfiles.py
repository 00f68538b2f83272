"""Logs of the long-running commands: to the console and to a rotating file in the data folder
(``<data>/logs/<name>.log``, 5 files of 5 MB), so a hall's PC keeps about a month of history
and never fills its disk with it."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from hallq.common.paths import data_dir

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """Our console handler (told apart from others by its class)."""


class _File(RotatingFileHandler):
    """Our file handler."""


def setup(name: str, level: str | int = logging.INFO, fmt: str = FORMAT) -> Path | None:
    """Console and rotating file handlers on the root logger; a second call changes only the
    level and format. Returns the log file, or None when it cannot be written (the console
    still logs, and says why)."""
    root = logging.getLogger()
    root.setLevel(level.upper() if isinstance(level, str) else level)
    formatter = logging.Formatter(fmt)
    ours = [h for h in root.handlers if isinstance(h, _Console | _File)]
    if not ours:
        ours.append(_Console(sys.stderr))
        try:
            folder = data_dir() / "logs"
            folder.mkdir(parents=True, exist_ok=True)
            ours.append(_File(folder / f"{name}.log", maxBytes=MAX_BYTES, backupCount=BACKUPS,
                              encoding="utf-8"))
        except OSError as exc:
            print(f"hallq: logging to the console only: {exc}", file=sys.stderr)
        for handler in ours:
            root.addHandler(handler)
    for handler in ours:
        handler.setFormatter(formatter)
    return log_file()


def log_file() -> Path | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _File):
            return Path(handler.baseFilename)
    return None


def also_to_file(*loggers: str) -> None:
    """Loggers that do not propagate to the root (uvicorn's) write to our file too."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _File):
            for name in loggers:
                if handler not in logging.getLogger(name).handlers:
                    logging.getLogger(name).addHandler(handler)
