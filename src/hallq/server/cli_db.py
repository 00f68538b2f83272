"""``hallq db version`` and ``hallq db upgrade``: the database's schema version, for the IT person.

The server upgrades its database at start anyway; ``upgrade`` does the same ahead of time (the
one way every command opens the database: hallq.server.storage.engine), ``version`` only looks.
"""

from __future__ import annotations

import argparse
import sys

from hallq.common import paths

HELP = "the database's schema version: show it, or upgrade it now (数据库升级)"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (("version", "show the database's schema revision and this hallq's"),
                       ("upgrade", "upgrade the database to this hallq's schema now (an SQLite "
                                   "file is copied aside first); the server must be stopped")):
        action = actions.add_parser(name, help=text, description=text)
        paths.add_config(action, help="hall config (accepted as for hallq report; not needed)")
        action.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")


def run(args: argparse.Namespace) -> int:
    from hallq.common.dbfile import DatabaseFileError, sqlite_path, without_server
    from hallq.server.bootstrap import default_db_url

    url = args.db or default_db_url()
    shown = url.split("@")[-1]  # no password on the screen
    try:
        db_file = sqlite_path(url)
    except DatabaseFileError as exc:
        print(f"hallq db: {exc}", file=sys.stderr)
        return 2
    if args.action == "version":
        return _version(url, shown, db_file is not None and not db_file.exists())
    with without_server(url) as free:
        if not free:
            print(f"hallq db upgrade: a hallq server is using {db_file}; stop it first (it "
                  "upgrades its database itself when it starts)", file=sys.stderr)
            return 2
        return _upgrade(url, shown)


def _version(url: str, shown: str, missing: bool) -> int:
    import sqlalchemy as sa
    from sqlalchemy.exc import SQLAlchemyError

    from hallq.server.storage import migrate

    if missing:
        print(f"{shown}: no database yet; the server creates it at schema revision "
              f"{migrate.head()} when it starts")
        return 0
    try:
        engine = sa.create_engine(url)  # no pragmas, nothing written: only read
        try:
            found = migrate.version(engine)
        finally:
            engine.dispose()
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        print(f"hallq db version: cannot read {shown}: {exc}", file=sys.stderr)
        return 2
    print(f"{shown}: {found.describe()}")
    return 2 if found.state == "newer" else 0


def _upgrade(url: str, shown: str) -> int:
    import logging

    from hallq.server.storage.engine import DatabaseError, open_database

    logging.getLogger("hallq.server.storage").addHandler(logging.NullHandler())  # printed below

    try:
        engine, done = open_database(url)
    except DatabaseError as exc:
        print(f"hallq db upgrade: {exc}", file=sys.stderr)
        return 2
    engine.dispose()
    print(f"hallq db upgrade: {shown}: {done or 'already at the newest schema revision'}")
    return 0
