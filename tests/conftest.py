"""Shared test set-up: Qt runs offscreen unless a display is asked for explicitly."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import LiveServer, live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """A real queue server for the example hall on a loopback port, open all hours."""
    with live_server(tmp_path / "hall.db") as running:
        yield running
