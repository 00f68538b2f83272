"""A full disk is a 503 ``storage_unavailable`` with a readable reason, the connection stays
up, and nothing is half-applied (issue 15, point 3). Real SQLite made really full: its page
limit on the server's own connections, and (where this machine lets a test mount one) a tiny
tmpfs that runs out of space."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from hallq.server.storage.failures import storage_failure
from tests.live_server import ADMIN, KIOSK, LiveServer, live_server


@contextlib.contextmanager
def full_database(engine: Engine) -> Iterator[None]:
    """Every new connection of the server may not grow the file by a single page."""
    def cap(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()
    event.listen(engine, "connect", cap)
    engine.dispose()
    try:
        yield
    finally:
        event.remove(engine, "connect", cap)
        engine.dispose()


def issue_until_full(http: httpx.Client, limit: int = 400) -> httpx.Response:
    for _ in range(limit):
        answer = http.post("/api/tickets", json={"service": "biz"})
        if answer.status_code != 201:
            return answer
    raise AssertionError("the database never filled up")


def check_refused_cleanly(server: LiveServer, answer: httpx.Response) -> int:
    """The 503's body and header, and the state as the disk has it; the waiting count."""
    assert answer.status_code == 503, answer.text
    body = answer.json()
    assert body["code"] == "storage_unavailable" and body["field"] is None
    assert "full" in body["detail"] and "nothing was changed" in body["detail"]
    assert int(answer.headers["Retry-After"]) > 0
    assert answer.headers.get("connection") != "close"  # the connection is kept
    with server.http(ADMIN) as http:
        state = http.get("/api/state").json()
    return int(state["waiting"]["biz"])


def test_a_full_database_answers_503_and_applies_nothing(tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db") as server, server.http(KIOSK) as kiosk:
        first = kiosk.post("/api/tickets", json={"service": "biz"}).json()
        engine = server.server.service.store.engine
        with full_database(engine):
            refused = issue_until_full(kiosk)
            waiting = check_refused_cleanly(server, refused)
            issued = waiting  # every ticket answered 201 is waiting, and no other
            # the same client, the same keep-alive connection: still answered
            assert kiosk.get("/api/services").status_code == 200
            assert issue_until_full(kiosk, 3).status_code == 503  # and stays refused
        after = kiosk.post("/api/tickets", json={"service": "biz"})
        assert after.status_code == 201, after.text  # space again: it works at once
        number = int(after.json()["number"][1:])
        assert number == int(first["number"][1:]) + issued  # no number lost or doubled
        with server.http(ADMIN) as http:
            assert http.get(f"/api/tickets/{after.json()['id']}").json()["status"] == "waiting"
            assert http.get("/api/state").json()["waiting"]["biz"] == issued + 1


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_filesystem_answers_503_and_applies_nothing(tiny_disk: Path) -> None:
    with live_server(tiny_disk / "h.db") as server, server.http(KIOSK) as kiosk:
        assert kiosk.post("/api/tickets", json={"service": "biz"}).status_code == 201
        filler = tiny_disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        refused = issue_until_full(kiosk)
        waiting = check_refused_cleanly(server, refused)
        filler.unlink()
        again = kiosk.post("/api/tickets", json={"service": "biz"})
        assert again.status_code == 201, again.text
        with server.http(ADMIN) as http:
            assert http.get("/api/state").json()["waiting"]["biz"] == waiting + 1


def test_postgresql_disk_full_counts_as_storage_failure() -> None:
    psycopg_errors = pytest.importorskip("psycopg.errors")
    wrapped = OperationalError("INSERT ...", {}, psycopg_errors.DiskFull("could not extend"))
    assert storage_failure(wrapped) == "the database's disk is full"
    assert storage_failure(OSError(28, "No space left on device")) == "the server's disk is full"
    assert storage_failure(ValueError("a bug")) is None
