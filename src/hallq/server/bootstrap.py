"""The server's composition root: config and URLs in, a ready application out."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI
from platformdirs import user_data_dir

from hallq.server.api.app import create_app
from hallq.server.api.auth import Tokens
from hallq.server.api.events import Broadcaster
from hallq.server.config import load_hall
from hallq.server.console import install as install_console
from hallq.server.service.accounts import Accounts
from hallq.server.service.hall_service import HallService, utc_now
from hallq.server.storage.console_store import ConsoleStore
from hallq.server.storage.engine import open_engine
from hallq.server.storage.store import Store


def default_db_url() -> str:
    return f"sqlite:///{Path(user_data_dir('hallq', appauthor=False)) / 'hall.db'}"


@dataclass
class Server:
    app: FastAPI
    service: HallService
    broadcaster: Broadcaster


def build(config: Path | str, db_url: str | None = None, admin_token: str | None = None,
          clock: Callable[[], datetime] = utc_now, open_all_hours: bool = False) -> Server:
    """``open_all_hours`` ignores the configured opening hours (demos, tests at night)."""
    hall = load_hall(config)
    if open_all_hours:
        hall = replace(hall, hours=(), holidays=frozenset(),
                       services=tuple(replace(s, hours=()) for s in hall.services))
    store = Store(open_engine(db_url or default_db_url()), hall.timezone)
    broadcaster = Broadcaster()
    service = HallService(hall, store, broadcaster.publish, clock)
    token = admin_token if admin_token is not None else os.environ.get("HALLQ_ADMIN_TOKEN")
    app = create_app(service, broadcaster, Tokens(hall, token))
    install_console(app, Accounts(ConsoleStore(store.engine), clock))
    return Server(app, service, broadcaster)
