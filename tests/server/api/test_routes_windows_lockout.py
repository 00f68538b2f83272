"""Clerk PINs resist guessing (issue 15, point 2): a few wrong PINs lock the clerk and the
window for a growing time, across a restart, audited without the PIN. A real server on a
loopback port, over HTTP."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import httpx
import pytest

from hallq.server.domain.lockout import LockPolicy
from hallq.server.storage.trust_store import TrustStore
from tests.live_server import WINDOWS, LiveServer, live_server

QUICK = LockPolicy(attempts=3, first_lock_s=2.0, max_lock_s=60.0)
SLOW = LockPolicy(attempts=3, first_lock_s=120.0)


def attempt(server: LiveServer, window: str, clerk: str, pin: str) -> httpx.Response:
    with server.http(WINDOWS) as http:
        return http.post(f"/api/windows/{window}/login", json={"clerk": clerk, "pin": pin})


def wait_out(answer: httpx.Response) -> None:
    time.sleep(int(answer.headers["Retry-After"]) + 0.3)


@pytest.mark.slow  # waits for the lock to run out: ~6.5 s here
def test_wrong_pins_lock_the_clerk_and_window_then_the_lock_runs_out(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "hallq.server.login")
    with live_server(tmp_path / "h.db") as server:
        server.server.service.login_guard.policy = QUICK
        wrong = [attempt(server, "4", "c02", pin) for pin in ("0000", "1111", "9999")]
        assert [a.status_code for a in wrong] == [403, 403, 429]
        assert wrong[0].json()["code"] == "bad_login"
        locked = wrong[2]
        assert locked.json()["code"] == "login_locked"
        assert 1 <= int(locked.headers["Retry-After"]) <= 2
        assert "try again" in locked.json()["detail"]

        right = attempt(server, "4", "c02", "2345")  # the right PIN, but locked: refused
        assert right.status_code == 429 and right.json()["code"] == "login_locked"
        other_window = attempt(server, "4", "c03", "3456")  # the window is locked too
        assert other_window.status_code == 429
        elsewhere = attempt(server, "5", "c03", "3456")  # another clerk elsewhere: fine
        assert elsewhere.status_code == 200, elsewhere.text

        wait_out(right)
        again = attempt(server, "4", "c02", "2345")
        assert again.status_code == 200, again.text
        assert again.json()["clerk"]["id"] == "c02"

        # a right PIN starts the count afresh; locking again after it lasts the first time
        relock = [attempt(server, "6", "c04", "0000") for _ in range(3)][-1]
        assert relock.status_code == 429
        wait_out(relock)
        longer = [attempt(server, "6", "c04", "0000") for _ in range(3)][-1]
        assert longer.status_code == 429
        assert int(longer.headers["Retry-After"]) > int(relock.headers["Retry-After"])

        audit = TrustStore(server.server.service.store.engine).audit()
    outcomes = [(a["clerk"], a["window"], a["outcome"]) for a in reversed(audit)]
    assert outcomes[:7] == [("c02", "4", "wrong_pin"), ("c02", "4", "wrong_pin"),
                            ("c02", "4", "locked"), ("c02", "4", "refused"),
                            ("c03", "4", "refused"), ("c03", "5", "ok"), ("c02", "4", "ok")]
    assert all(a["device"] for a in audit)  # which pad tried, for the supervisor
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert "locked" in said and "wrong PIN" in said
    for pin in ("0000", "1111", "9999", "2345"):  # as a number of its own, not inside a time
        alone = re.compile(rf"(?<!\d){pin}(?!\d)")
        assert not alone.search(said) and not any(alone.search(str(a)) for a in audit)


def test_a_lock_survives_a_restart_and_spares_other_clerks(tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db") as server:
        server.server.service.login_guard.policy = SLOW
        assert [attempt(server, "7", "c05", "0000").status_code
                for _ in range(3)] == [403, 403, 429]
    with live_server(tmp_path / "h.db") as restarted:
        refused = attempt(restarted, "7", "c05", "5678")
        assert refused.status_code == 429, refused.text
        assert 60 < int(refused.headers["Retry-After"]) <= 120
        assert attempt(restarted, "8", "c06", "6789").status_code == 200


def test_unknown_clerk_ids_share_one_guard(tmp_path: Path) -> None:
    """Guessing clerk ids locks the window, and fills no table with made-up names."""
    with live_server(tmp_path / "h.db") as server:
        server.server.service.login_guard.policy = SLOW
        codes = [attempt(server, "9", f"x{n}", "0000").status_code for n in range(4)]
        assert codes == [403, 403, 429, 429]
        assert attempt(server, "10", "c07", "7890").status_code == 200
