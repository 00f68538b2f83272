"""The assembled app: its OpenAPI document lists every call of the contract."""

from __future__ import annotations

from tests.server.apifix import Api

CONTRACT = {
    ("get", "/api/health"), ("get", "/api/services"), ("post", "/api/tickets"),
    ("get", "/api/tickets/{ticket_id}"), ("post", "/api/windows/{window}/next"),
    ("post", "/api/windows/{window}/recall"), ("post", "/api/windows/{window}/skip"),
    ("post", "/api/windows/{window}/finish"), ("post", "/api/windows/{window}/transfer"),
    ("post", "/api/windows/{window}/pause"), ("post", "/api/windows/{window}/resume"),
    ("post", "/api/tickets/{ticket_id}/restore"), ("post", "/api/tickets/{ticket_id}/rating"),
    ("get", "/api/state"), ("get", "/api/reports/daily"),
    ("post", "/api/windows/{window}/login"), ("post", "/api/windows/{window}/logout"),
    ("post", "/api/windows/{window}/call"), ("post", "/api/appointments"),
    ("get", "/api/follow-ups"), ("patch", "/api/follow-ups/{rating_id}"),
}


def test_openapi_lists_every_call_of_the_contract(api: Api) -> None:
    doc = api.get("/openapi.json", None).json()
    have = {(method, path) for path, ops in doc["paths"].items() for method in ops}
    assert not CONTRACT - have, CONTRACT - have
