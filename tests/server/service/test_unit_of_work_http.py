"""The unit of work over HTTP: concurrent requests to a real server process, and the rule that
a bad rating names its reasons on every channel that can ask (issue 14)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.server.apifix import BRIDGE, PADS, Api
from tests.server.realfix import KIOSK, RealServer


@pytest.fixture
def real(tmp_path: Path) -> Iterator[RealServer]:
    server = RealServer(tmp_path / "h.db")
    try:
        yield server.start()
    finally:
        server.stop()


def check_in_at_once(real: RealServer, code: str, kiosks: int) -> list[int]:
    """The status codes of ``kiosks`` concurrent check-ins of one appointment."""
    start = threading.Barrier(kiosks)
    codes: list[int] = []

    def kiosk() -> None:
        with real.client(KIOSK) as c:
            start.wait()
            codes.append(c.post("/api/tickets", json={"appointment": code}).status_code)

    threads = [threading.Thread(target=kiosk) for _ in range(kiosks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return codes


@pytest.mark.slow
def test_an_appointment_checked_in_by_eight_kiosks_at_once_gives_one_ticket(
        real: RealServer) -> None:
    now = datetime.now(UTC)
    for _ in range(3):
        booked = real.ok("POST", "/api/appointments", json={
            "service": "biz", "slot_start": (now - timedelta(minutes=5)).isoformat(),
            "slot_end": (now + timedelta(minutes=25)).isoformat()})
        codes = check_in_at_once(real, booked["code"], kiosks=8)
        assert sorted(codes) == [201] + [409] * 7, codes
        assert real.ok("GET", f"/api/appointments/{booked['code']}")["status"] == "checked_in"
    assert real.ok("GET", "/api/state")["waiting"]["biz"] == 3


def finished_ticket(api: Api) -> int:
    api.login("4", "c02")
    ticket = api.issue("biz")
    api.act("4", "next")
    api.act("4", "finish")
    return int(ticket["id"])


@pytest.mark.parametrize("score", [1, 2])
def test_a_bad_rating_without_a_reason_is_refused_naming_reasons(api: Api, score: int) -> None:
    ticket = finished_ticket(api)
    for channel in ("pad", "qr", "web"):
        for reasons in ([], ["  "]):
            refused = api.post(f"/api/tickets/{ticket}/rating", PADS,
                               json={"score": score, "reasons": reasons, "channel": channel})
            assert refused.status_code == 422, refused.text
            assert refused.json()["field"] == "reasons"
    assert api.ok("GET", "/api/follow-ups") == []  # nothing was stored
    kept = api.ok("POST", f"/api/tickets/{ticket}/rating", PADS,
                  json={"score": score, "reasons": ["等候时间长"]})
    assert kept["reasons"] == ["等候时间长"] and kept["follow_up"] == "open"


def test_a_rating_device_with_only_five_keys_keeps_a_bad_rating_for_the_follow_up(
        api: Api) -> None:
    ticket = finished_ticket(api)
    kept = api.ok("POST", "/api/windows/4/rating", BRIDGE, json={"score": 1})
    assert kept["ticket_id"] == ticket and kept["channel"] == "device"
    assert kept["reasons"] == [] and kept["follow_up"] == "open"
    assert [r["ticket_id"] for r in api.ok("GET", "/api/follow-ups?status=open")] == [ticket]
