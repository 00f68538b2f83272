"""指定 (call a number) takes the number as a clerk types it: "c1" is C001."""

from __future__ import annotations

import pytest

from hallq.server.domain.ticket import typed_number
from tests.server.apifix import Api


@pytest.mark.parametrize(("typed", "number"), [("c1", "C001"), ("C01", "C001"),
                                               (" a12 ", "A012"), ("A1000", "A1000"),
                                               ("B0007", "B007"), ("123", "123"), ("", "")])
def test_typed_numbers(typed: str, number: str) -> None:
    assert typed_number(typed) == number


def test_call_c1_calls_c001(api: Api) -> None:
    api.login("3", "c03")
    issued = [api.issue("social") for _ in range(2)]
    called = api.act("3", "call", json={"number": "c2"})["ticket"]
    assert called["number"] == "C002" and called["id"] == issued[1]["id"]
