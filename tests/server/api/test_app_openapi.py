"""Every JSON route of the API is in the OpenAPI with its answer's model: an integrator reading
/openapi.json finds every call the apps make, and what each answers."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.routing import APIRoute

from hallq import contract
from hallq.server.api import (
    pages,
    rating_page,
    routes_admin,
    routes_alarms,
    routes_config,
    routes_reports,
    routes_tickets,
    routes_windows,
)
from tests.server.apifix import KIOSK, PADS, Api

ROUTERS: list[APIRouter] = [
    *(m.router for m in (routes_tickets, routes_windows, routes_admin, routes_reports,
                         routes_alarms, routes_config, pages)),
    *rating_page.app_routers]


def test_every_api_route_is_documented_with_its_answer(api: Api) -> None:
    doc = api.ok("GET", "/openapi.json")
    routes = [r for router in ROUTERS for r in router.routes
              if isinstance(r, APIRoute) and r.path.startswith("/api/")]
    assert len(routes) > 30
    for route in routes:
        for method in route.methods or ():
            op = doc["paths"].get(route.path_format, {}).get(method.lower())
            assert op is not None, (method, route.path)  # not hidden from the documentation
            ok = next(s for s in op["responses"] if s.startswith("2"))
            assert op["responses"][ok]["content"]["application/json"]["schema"], route.path


def test_the_rating_options_are_documented_and_answered_as_their_model(api: Api) -> None:
    doc = api.ok("GET", "/openapi.json")
    answer = doc["paths"]["/api/ratings/options"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RatingOptions"}
    options = contract.RatingOptions.model_validate(api.ok("GET", "/api/ratings/options", PADS))
    assert options.levels["1"] == "非常不满意" and options.levels_en["5"]
    assert len(options.reasons) == len(options.reasons_en) > 0
    assert api.get("/api/ratings/options", KIOSK).status_code == 200  # any token may read them
