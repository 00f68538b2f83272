"""``hallq server``: run the queue server."""

from __future__ import annotations

import argparse
import socket
import sys

from hallq.common import paths

SEND_BUFFER = 128 * 1024  # bytes per connection; the LAN's JSON answers fit easily
SUMMARIES_AFTER_S = 5.0  # the report summaries old days lack are made this long after start
HELP = "run the queue server (HTTP JSON API, WebSocket events, ticket pages)"


def configure(parser: argparse.ArgumentParser) -> None:
    paths.add_config(parser)
    parser.add_argument("--db", default=None,
                        help="SQLAlchemy URL; default: an SQLite file in the user data folder")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (0.0.0.0 for the hall's LAN)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--open-all-hours", action="store_true",
                        help="ignore the configured opening hours (for demos and tests)")
    parser.add_argument("--time-scale", type=float, default=None, metavar="X",
                        help="demo: hall time runs X times faster than real time")
    parser.add_argument("--start", default="08:30", metavar="HH:MM",
                        help="demo: with --time-scale, the hall time to begin at today")
    parser.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"])


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from hallq.common import logfiles
    from hallq.common.dbfile import server_lock, sqlite_path
    from hallq.common.tomlreader import ConfigError
    from hallq.server.bootstrap import build, default_db_url
    from hallq.server.domain.errors import HallError
    from hallq.server.storage.engine import DatabaseError

    logfiles.setup("server", args.log_level, "%(asctime)s %(name)s %(message)s")
    db = args.db or default_db_url()
    lock = server_lock(db)
    if lock and not lock.acquire():  # held until this process ends; hallq restore checks it
        print(f"hallq server: another hallq server uses {sqlite_path(db)}", file=sys.stderr)
        return 2
    from dataclasses import replace

    from hallq.server.clock import scaled, today_at
    from hallq.server.config import load_hall
    from hallq.server.domain.hall import Hall
    from hallq.server.service.hall_service import utc_now
    from hallq.server.status_address import reachable_status_url

    clock = utc_now
    warnings: list[str] = []

    def reachable(hall: Hall) -> Hall:
        """The status URL every ticket's QR code carries, reachable from a phone on the LAN
        (at start and after every change of the live configuration)."""
        url, warning = reachable_status_url(hall.status_url, args.host, args.port)
        if warning and not warnings:
            warnings.append(warning)
        return replace(hall, status_url=url)

    try:
        if args.time_scale:
            zone = load_hall(args.config).timezone
            clock = scaled(args.time_scale, today_at(args.start, zone))
        server = build(args.config, db, clock=clock, open_all_hours=args.open_all_hours,
                       summaries_after_s=SUMMARIES_AFTER_S, adjust=reachable)
    except (ConfigError, DatabaseError, HallError, ValueError) as exc:
        print(f"hallq server: {exc}", file=sys.stderr)
        return 2
    hall = server.service.hall
    print(f"hallq server: {hall.name}: {len(hall.services)} services, {len(hall.windows)} "
          f"windows; database {db}; http://{args.host}:{args.port}/docs", flush=True)
    print(f"hallq server: {server.config_source}", flush=True)
    if warnings:  # the QR code on every ticket must open on a citizen's phone
        print(f"hallq server: warning: {warnings[0]}", file=sys.stderr, flush=True)
    from hallq.server import logredact

    # no permessage-deflate: an event is a few hundred bytes on the hall's LAN, and deflating
    # the same text once per subscriber cost the server more than sending it (bench_server)
    config = uvicorn.Config(server.app, host=args.host, port=args.port,
                            log_level=args.log_level, access_log=args.log_level == "debug",
                            ws_per_message_deflate=False)
    logfiles.also_to_file("uvicorn", "uvicorn.access")  # they do not propagate to the root
    logredact.install()  # after uvicorn set up its loggers: no token is ever written out
    listening = config.bind_socket()
    # accepted connections inherit this: the kernel holds at most this much for a subscriber
    # that stopped reading (not megabytes), so its sends block and it is dropped (4408)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
    uvicorn.Server(config).run(sockets=[listening])
    return 0
