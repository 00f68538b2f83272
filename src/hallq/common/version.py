"""hallq's version, read from the installed distribution's metadata (pyproject.toml's
``version``): one source of truth, and a module so small that the server and the ``hallq``
command may both import it without importing each other."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def hallq_version() -> str:
    """``0.1.0`` as pyproject.toml says; ``0+unknown`` when run from a tree never installed."""
    try:
        return version("hallq")
    except PackageNotFoundError:
        return "0+unknown"
