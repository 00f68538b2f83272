"""``hallq backup FILE``: a consistent copy of the hall's database, also while the server runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hallq.common import paths

HELP = "copy the hall's SQLite database to FILE, safely while the server runs (备份)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the backup file to write")
    paths.add_config(parser, help="hall config (accepted as for hallq report; not needed)")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")


def database(args: argparse.Namespace, command: str) -> Path | None:
    """The SQLite file of ``--db`` (or the server's default); None after saying why not."""
    from hallq.common.dbfile import DatabaseFileError, sqlite_path
    from hallq.server.bootstrap import default_db_url

    url = args.db or default_db_url()
    try:
        db = sqlite_path(url)
    except DatabaseFileError as exc:
        print(f"hallq {command}: {exc}", file=sys.stderr)
        return None
    if db is None:
        print(f"hallq {command}: {url.split('@')[-1]} is not SQLite: use PostgreSQL's own "
              "tools, pg_dump to back up and pg_restore (or psql) to restore", file=sys.stderr)
    return db


def run(args: argparse.Namespace) -> int:
    from hallq.common.dbfile import DatabaseFileError, backup

    db = database(args, "backup")
    if db is None:
        return 2
    try:
        counts = backup(db, args.file)
    except (DatabaseFileError, OSError) as exc:
        print(f"hallq backup: {exc}", file=sys.stderr)
        return 1
    rows = ", ".join(f"{table} {n}" for table, n in sorted(counts.items()))
    print(f"hallq backup: {db} → {args.file} (checked; rows: {rows})")
    return 0
