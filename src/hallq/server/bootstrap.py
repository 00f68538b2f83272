"""The server's composition root: config and URLs in, a ready application out."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI

from hallq.common import paths
from hallq.common.tomlreader import Table
from hallq.server.api.app import create_app
from hallq.server.api.auth import Tokens
from hallq.server.api.events import Broadcaster
from hallq.server.config import parse_hall, read_toml
from hallq.server.config_items import build_hall, from_data
from hallq.server.console import install as install_console
from hallq.server.domain.hall import Hall
from hallq.server.service.accounts import Accounts
from hallq.server.service.hall_service import HallService, utc_now
from hallq.server.service.live_config import LiveConfig
from hallq.server.storage.config_store import AuditLine, ConfigStore
from hallq.server.storage.console_store import ConsoleStore
from hallq.server.storage.engine import open_engine
from hallq.server.storage.store import Store


def default_db_url() -> str:
    """``hall.db`` in the data folder: ``$HALLQ_DATA``, else the user's data folder."""
    return f"sqlite:///{paths.data_dir() / 'hall.db'}"


@dataclass
class Server:
    app: FastAPI
    service: HallService
    broadcaster: Broadcaster
    live: LiveConfig
    config_source: str  # says where the live configuration came from (the start log)


def all_hours(hall: Hall) -> Hall:
    return replace(hall, hours=(), holidays=frozenset(),
                   services=tuple(replace(s, hours=()) for s in hall.services))


def build(config: Path | str, db_url: str | None = None, admin_token: str | None = None,
          clock: Callable[[], datetime] = utc_now, open_all_hours: bool = False,
          summaries_after_s: float | None = None,
          adjust: Callable[[Hall], Hall] | None = None) -> Server:
    """``open_all_hours`` ignores the configured opening hours (demos, tests at night);
    ``summaries_after_s`` see ``create_app``; ``adjust`` amends every hall the configuration
    makes, at start and after every live change (``hallq server``: a reachable status URL).

    The database holds the live configuration: the TOML file (checked whole, as always)
    seeds an empty database; afterwards the database wins."""
    data = read_toml(config)
    parse_hall(Table(config, "", data))  # the file's own mistakes, named by file and key
    engine = open_engine(db_url or default_db_url())
    configs = ConfigStore(engine)
    seeded = configs.seed(from_data(data), AuditLine(clock(), "hallq server", "config.seed",
                                                     "config", None, {"file": str(config)}))
    items = configs.load()
    def adjusted(hall: Hall) -> Hall:
        hall = all_hours(hall) if open_all_hours else hall
        return adjust(hall) if adjust else hall

    hall = adjusted(build_hall(items))
    source = (f"configuration seeded from {config} into the database" if seeded else
              f"configuration from the database (it wins over {config}, which only seeds an "
              "empty database; hallq config import/export)")
    store = Store(engine, hall.timezone)
    broadcaster = Broadcaster()
    service = HallService(hall, store, broadcaster.publish, clock)
    live = LiveConfig(service, configs, items, adjusted)
    token = admin_token if admin_token is not None else os.environ.get("HALLQ_ADMIN_TOKEN")
    tokens = Tokens(hall, token)
    service.work.on_hall.append(tokens.update)
    app = create_app(service, broadcaster, tokens, live, summaries_after_s=summaries_after_s)
    install_console(app, Accounts(ConsoleStore(store.engine), clock))
    return Server(app, service, broadcaster, live, source)
