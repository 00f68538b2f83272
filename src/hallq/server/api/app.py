"""The FastAPI application: routers, error handling, the event stream's loop binding."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from hallq.common.version import hallq_version
from hallq.server.api import (
    api_docs,
    errors,
    event_sending,
    events,
    pages,
    rating_page,
    refusals,
    routes_admin,
    routes_alarms,
    routes_config,
    routes_photos,
    routes_reports,
    routes_tickets,
    routes_windows,
)
from hallq.server.api.auth import Tokens
from hallq.server.api.events import Broadcaster
from hallq.server.api.timing import ServerTiming
from hallq.server.service.hall_service import HallService
from hallq.server.service.live_config import LiveConfig

DESCRIPTION = """The queue server of a government service hall: the single source of truth for
kiosks, window caller pads, rating pads, displays and the serial bus. Every request but
`GET /api/health` carries `Authorization: Bearer <token>`. Errors are
`{"detail": "readable reason", "code": "stable_code", "field": "name or null"}`.
Events: `WS /api/events` with the same header on the handshake (see docs/events.md)."""


def create_app(service: HallService, broadcaster: Broadcaster, tokens: Tokens,
               live: LiveConfig, alarm_tick_s: float = 2.0,
               summaries_after_s: float | None = None) -> FastAPI:
    """``summaries_after_s``: make the report summaries closed days lack, in the background,
    this long after starting (``hallq server`` does; in-process tests do not)."""
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        broadcaster.bind(asyncio.get_running_loop())
        tasks = [asyncio.create_task(routes_alarms.tick_forever(service, alarm_tick_s))]
        if summaries_after_s is not None:
            tasks.append(asyncio.create_task(
                routes_reports.summaries_in_background(service, summaries_after_s)))
        yield
        for task in tasks:
            task.cancel()

    app = FastAPI(title="hallq queue server", version=hallq_version(), description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.service, app.state.broadcaster, app.state.tokens = service, broadcaster, tokens
    app.state.live = live
    errors.install(app)
    refusals.install(app)
    app.add_middleware(ServerTiming)
    app.add_middleware(event_sending.KeepTransport)  # outermost of ours: sees the server's own send
    for module in (routes_tickets, routes_windows, routes_admin, routes_reports, routes_alarms,
                   routes_config, routes_photos,
                   events, pages):
        app.include_router(module.router)
    for router in rating_page.app_routers:
        app.include_router(router)
    api_docs.install(app)  # /docs and /redoc from the package's own files, no CDN
    return app
