"""The fixtures of the server's tests: the in-process API and a real server process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.apifix import api
from tests.server.realfix import RealServer

__all__ = ["api", "real"]


@pytest.fixture
def real(tmp_path: Path) -> Iterator[RealServer]:
    server = RealServer(tmp_path / "h.db")
    try:
        yield server.start()
    finally:
        server.stop()
