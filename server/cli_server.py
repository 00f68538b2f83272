"""``hallq server``: run the queue server."""

from __future__ import annotations

import argparse
import logging
import sys

HELP = "run the queue server (HTTP JSON API, WebSocket events, ticket pages)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default="config/hall.toml", help="hall config (TOML)")
    parser.add_argument("--db", default=None,
                        help="SQLAlchemy URL; default: an SQLite file in the user data folder")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (0.0.0.0 for the hall's LAN)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--open-all-hours", action="store_true",
                        help="ignore the configured opening hours (for demos and tests)")
    parser.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"])


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from server.bootstrap import build, default_db_url
    from server.domain.errors import HallError
    from server.storage.engine import DatabaseError
    from server.tomlreader import ConfigError

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    db = args.db or default_db_url()
    try:
        server = build(args.config, db, open_all_hours=args.open_all_hours)
    except (ConfigError, DatabaseError, HallError) as exc:
        print(f"hallq server: {exc}", file=sys.stderr)
        return 2
    hall = server.service.hall
    print(f"hallq server: {hall.name}: {len(hall.services)} services, {len(hall.windows)} "
          f"windows; database {db}; http://{args.host}:{args.port}/docs", flush=True)
    uvicorn.run(server.app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=args.log_level == "debug")
    return 0
