"""Junk thrown at every endpoint: always a 4xx with a readable reason, never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.apifix import ADMIN, KIOSK, PADS, Api

HUGE = "这" * 100_000
BIG_INT = 10**30
NOT_JSON: dict[str, Any] = {"content": b"{not json", "headers_extra": {"Content-Type":
                                                                        "application/json"}}

# (method, path, token, body): body is JSON, or a dict with "content" for raw bytes
CASES: list[tuple[str, str, str, Any]] = [
    # issuing
    ("POST", "/api/tickets", KIOSK, {}),
    ("POST", "/api/tickets", KIOSK, {"service": 5}),
    ("POST", "/api/tickets", KIOSK, {"service": None}),
    ("POST", "/api/tickets", KIOSK, {"service": HUGE}),
    ("POST", "/api/tickets", KIOSK, {"service": "企业开办"}),
    ("POST", "/api/tickets", KIOSK, {"service": "biz\u0000"}),
    ("POST", "/api/tickets", KIOSK, {"service": "biz", "priority": [1]}),
    ("POST", "/api/tickets", KIOSK, {"service": "biz", "colour": "red"}),
    ("POST", "/api/tickets", KIOSK, {"service": "biz", "appointment": 12}),
    ("POST", "/api/tickets", KIOSK, {"appointment": "🙂🙂🙂"}),
    ("POST", "/api/tickets", KIOSK, {"appointment": "x" * 41}),
    ("POST", "/api/tickets", KIOSK, [1, 2]),
    ("POST", "/api/tickets", KIOSK, "biz"),
    ("POST", "/api/tickets", KIOSK, None),
    ("POST", "/api/tickets", KIOSK, NOT_JSON),
    ("POST", "/api/tickets", KIOSK, {"content": b"service=biz", "headers_extra": {
        "Content-Type": "application/x-www-form-urlencoded"}}),
    ("POST", "/api/tickets", KIOSK, {"content": b"\xff\xfe\x00", "headers_extra": {
        "Content-Type": "application/json"}}),
    # tickets by id
    ("GET", "/api/tickets/-1", ADMIN, None),
    ("GET", "/api/tickets/abc", ADMIN, None),
    ("GET", "/api/tickets/1.5", ADMIN, None),
    ("GET", f"/api/tickets/{BIG_INT}", ADMIN, None),
    ("POST", f"/api/tickets/{BIG_INT}/restore", ADMIN, None),
    ("POST", "/api/tickets/-3/restore", ADMIN, None),
    ("POST", f"/api/tickets/{BIG_INT}/rating", ADMIN, {"score": 5}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": "five"}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 10}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 0}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 2.5}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": BIG_INT}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 3, "reasons": "慢"}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 3, "reasons": ["x"] * 11}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 3, "channel": "sms"}),
    ("POST", "/api/tickets/1/rating", ADMIN, {"score": 3, "comment": HUGE}),
    ("POST", "/api/tickets/1/rating", ADMIN, {}),
    ("POST", "/api/tickets/1/rating", ADMIN, NOT_JSON),
    ("POST", "/api/tickets/1/cancel", KIOSK, {"reason": ""}),
    ("POST", f"/api/tickets/{BIG_INT}/cancel", KIOSK, {}),
    # windows
    ("POST", "/api/windows/x/next", ADMIN, None),
    ("POST", "/api/windows/-1/next", ADMIN, None),
    ("POST", f"/api/windows/{'9' * 100}/next", ADMIN, None),
    ("POST", "/api/windows/%E7%AA%97/next", ADMIN, None),
    ("GET", f"/api/windows/{'w' * 1000}", ADMIN, None),
    ("POST", "/api/windows/4/call", PADS, {"number": 12}),
    ("POST", "/api/windows/4/call", PADS, {"number": "A"}),
    ("POST", "/api/windows/4/call", PADS, {"number": "A" * 50}),
    ("POST", "/api/windows/4/call", PADS, {"number": "Ａ００１"}),
    ("POST", "/api/windows/4/call", PADS, {}),
    ("POST", "/api/windows/4/call", PADS, NOT_JSON),
    ("POST", "/api/windows/4/transfer", PADS, {"service": ""}),
    ("POST", "/api/windows/4/transfer", PADS, {"service": "nosuch"}),
    ("POST", "/api/windows/4/transfer", PADS, {"service": ["tax"]}),
    ("POST", "/api/windows/4/transfer", PADS, {}),
    ("POST", "/api/windows/4/pause", PADS, {"reason": 5}),
    ("POST", "/api/windows/4/pause", PADS, {"reason": "x" * 1000}),
    ("POST", "/api/windows/4/pause", PADS, {"reason": "   "}),
    ("POST", "/api/windows/4/pause", PADS, {}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "c02", "pin": 2345}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "c02"}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "c02", "pin": HUGE}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "", "pin": "2345"}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "nobody", "pin": "2345"}),
    ("POST", "/api/windows/4/login", PADS, {"clerk": "c02", "pin": "2345", "role": "boss"}),
    ("POST", "/api/windows/4/login", PADS, NOT_JSON),
    ("POST", "/api/windows/4/rating", PADS, {"score": -1}),
    ("POST", "/api/windows/4/rating", PADS, {"score": None}),
    # reports, appointments, follow-ups
    ("GET", "/api/reports/daily?date=2026-13-01", ADMIN, None),
    ("GET", "/api/reports/daily?date=yesterday", ADMIN, None),
    ("GET", f"/api/reports/daily?date={'9' * 5000}", ADMIN, None),
    ("GET", "/api/reports/daily?format=xml", ADMIN, None),
    ("POST", "/api/appointments", ADMIN, {}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz", "slot_start": "tomorrow",
                                          "slot_end": "later"}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz", "slot_start": "2026-11-23T09:00",
                                          "slot_end": "2026-11-23T09:30"}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz",
                                          "slot_start": "2026-11-23T09:30+08:00",
                                          "slot_end": "2026-11-23T09:00+08:00"}),
    ("POST", "/api/appointments", ADMIN, {"service": "nosuch",
                                          "slot_start": "2026-11-23T09:00+08:00",
                                          "slot_end": "2026-11-23T09:30+08:00"}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz", "code": "有 空格",
                                          "slot_start": "2026-11-23T09:00+08:00",
                                          "slot_end": "2026-11-23T09:30+08:00"}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz", "citizen_id": "1" * 41,
                                          "slot_start": "2026-11-23T09:00+08:00",
                                          "slot_end": "2026-11-23T09:30+08:00"}),
    ("POST", "/api/appointments", ADMIN, {"service": "biz",
                                          "slot_start": "99999-11-23T09:00+08:00",
                                          "slot_end": "2026-11-23T09:30+08:00"}),
    ("POST", "/api/appointments", ADMIN, NOT_JSON),
    ("GET", "/api/appointments/%00", ADMIN, None),
    ("GET", f"/api/appointments/{'Z' * 5000}", ADMIN, None),
    ("GET", "/api/follow-ups?status=closed", ADMIN, None),
    ("PATCH", "/api/follow-ups/abc", ADMIN, {"status": "resolved"}),
    ("PATCH", f"/api/follow-ups/{BIG_INT}", ADMIN, {"status": "resolved"}),
    ("PATCH", "/api/follow-ups/1", ADMIN, {"status": "done"}),
    ("PATCH", "/api/follow-ups/1", ADMIN, {"status": "resolved", "note": HUGE}),
    # wrong methods and paths
    ("DELETE", "/api/tickets/1", ADMIN, None),
    ("GET", "/api/windows/4/next", ADMIN, None),
    ("GET", "/api/nothing-here", ADMIN, None),
]


def case_id(case: tuple[str, str, str, Any]) -> str:
    method, path, _token, body = case
    text = repr(body)
    return f"{method} {path[:40]} {text[:40]}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_junk_gets_a_4xx_with_a_readable_reason(api: Api, case: tuple[str, str, str, Any]
                                                ) -> None:
    api.login("4", "c02")
    api.issue("biz")  # ticket 1 exists, waiting
    method, path, token, body = case
    kwargs: dict[str, Any] = {}
    headers = {"Authorization": f"Bearer {token}"}
    if isinstance(body, dict) and "content" in body:
        kwargs["content"] = body["content"]
        headers.update(body.get("headers_extra", {}))
    elif body is not None or method == "POST":
        kwargs["json"] = body
    response = api.client.request(method, path, headers=headers, **kwargs)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    reason = response.json()["detail"]
    assert isinstance(reason, str) and reason.strip(), response.text[:300]
    assert len(reason) < 2000, "the reason should be readable, not an echo of the input"
    # the hall is unharmed: still serving
    assert api.get("/api/health", None).status_code == 200
    assert api.post("/api/windows/4/next", PADS).status_code == 200
