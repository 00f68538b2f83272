"""A child of the demo that dies is reported at once, with what it said, not after a timeout."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from hallq.processes import ChildFailed, Processes, free_port, wait_healthy


def test_a_server_that_dies_is_reported_at_once_with_its_own_error(tmp_path: Path) -> None:
    procs = Processes(tmp_path / "logs")
    try:
        procs.start("server", [sys.executable, "-c",
                               "import sys; print('starting'); "
                               "sys.exit('hallq server: hall.toml: no such file')"])
        began = time.monotonic()
        with pytest.raises(ChildFailed) as failed:
            wait_healthy(f"http://127.0.0.1:{free_port()}", seconds=20, processes=procs)
        assert time.monotonic() - began < 10
    finally:
        procs.stop()
    message = str(failed.value)
    assert "server (exit 1" in message and "hall.toml: no such file" in message
    assert str(tmp_path / "logs" / "server.log") in message


def test_a_child_that_ends_well_is_not_a_failure(tmp_path: Path) -> None:
    procs = Processes(tmp_path / "logs")
    try:
        procs.start("fine", [sys.executable, "-c", "print('done')"]).wait(timeout=30)
        assert procs.failed() == []
    finally:
        procs.stop()
