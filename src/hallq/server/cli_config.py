"""``hallq config import FILE`` and ``hallq config export``: the live configuration (in the
database) to and from a TOML file.

Import checks the whole file by the loader's rules (a file with any error changes nothing),
prints the differences and applies them in one transaction after confirmation (``--yes`` for
scripts). On a database a running server uses, it goes through that server
(``--server URL``, the admin token from ``$HALLQ_ADMIN_TOKEN``), so the change takes effect at
once; otherwise it opens the database itself."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from hallq.common import paths
from hallq.server.cli_config_remote import confirm, import_remote

HELP = "export the hall's live configuration as TOML, or import a TOML file into it"


def configure(parser: argparse.ArgumentParser) -> None:
    paths.add_config(parser, help="the hall config file that seeds an empty database")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write the live configuration as TOML")
    export.add_argument("-o", "--output", type=Path, default=None,
                        help="write to this file (default: standard output)")
    imp = sub.add_parser("import", help="show what FILE changes, and apply it after asking")
    imp.add_argument("file", type=Path)
    imp.add_argument("--yes", action="store_true", help="apply without asking")
    imp.add_argument("--dry-run", action="store_true", help="only show the differences")
    imp.add_argument("--server", default=None, metavar="URL",
                     help="go through this running server (http://HOST:PORT); the admin "
                     "token from $HALLQ_ADMIN_TOKEN")


def run(args: argparse.Namespace) -> int:
    from hallq.common.dbfile import sqlite_path, without_server
    from hallq.server.bootstrap import default_db_url

    db = args.db or default_db_url()
    if args.action == "export":
        return export(args.config, db, args.output)
    if args.server:
        return import_remote(args.server, args.file, args.yes, args.dry_run)
    with without_server(db) as free:
        if not free:
            print(f"hallq config: a hallq server runs on {sqlite_path(db)}; give --server "
                  "http://HOST:PORT to change its configuration through it", file=sys.stderr)
            return 2
        return _run_local(args, db)


def _run_local(args: argparse.Namespace, db: str) -> int:
    from hallq.common.tomlreader import ConfigError
    from hallq.server.bootstrap import build
    from hallq.server.domain.errors import HallError
    from hallq.server.service.config_import import import_text
    from hallq.server.storage.engine import DatabaseError

    try:
        server = build(args.config, db)
    except (ConfigError, DatabaseError, HallError) as exc:
        print(f"hallq config: {exc}", file=sys.stderr)
        return 2
    try:
        live = server.live
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"hallq config: {args.file}: cannot be read ({exc})", file=sys.stderr)
            return 2
        who = f"cli:{getpass.getuser()}"
        try:
            changes = import_text(live, text, who, True)
            if not changes:
                print("no differences: the configuration is already as in the file")
                return 0
            print("\n".join(c.line() for c in changes))
            if args.dry_run or not confirm(args.yes):
                print("nothing changed")
                return 0 if args.dry_run else 1
            import_text(live, text, who, False)
        except HallError as exc:
            print(f"hallq config: {str(exc.message).replace('import: ', f'{args.file}: ')}",
                  file=sys.stderr)
            return 2
        print(f"applied: {len(changes)} changes")
        return 0
    finally:
        server.service.close()
        server.service.store.engine.dispose()


def export(config: Path, db: str, output: Path | None) -> int:
    """Read only: works while a server runs. An empty database exports the seed file."""
    from hallq.common.tomlreader import ConfigError
    from hallq.server.config import load_hall, read_toml
    from hallq.server.config_export import to_toml
    from hallq.server.config_items import from_data
    from hallq.server.storage.config_store import ConfigStore
    from hallq.server.storage.engine import DatabaseError, open_engine

    try:
        engine = open_engine(db)
        items = ConfigStore(engine).load()
        engine.dispose()
        if not items:
            load_hall(config)
            items = from_data(read_toml(config))
    except (ConfigError, DatabaseError) as exc:
        print(f"hallq config: {exc}", file=sys.stderr)
        return 2
    text = to_toml(items)
    if output:
        output.write_text(text, encoding="utf-8")
        print(f"written: {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
