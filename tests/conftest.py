"""Shared test set-up: Qt runs offscreen unless a display is asked for explicitly."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the servers and apps the tests start keep their log files here, not in the user's data folder
os.environ.setdefault("HALLQ_DATA", tempfile.mkdtemp(prefix="hallq-test-data-"))

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import LiveServer, live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """A real queue server for the example hall on a loopback port, open all hours."""
    with live_server(tmp_path / "hall.db") as running:
        yield running


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt objects caught in reference cycles must be freed on the GUI thread: left to the
    collector, they may be freed on the live server's thread, which crashes Qt."""
    yield
    if "qtbot" in request.fixturenames:
        gc.collect()
