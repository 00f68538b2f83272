"""``hallq restore FILE``: put a backup back in the place of the hall's database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hallq.common import paths

HELP = "put a backup back as the hall's database (恢复); the server must be stopped"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the backup file to restore")
    paths.add_config(parser, help="hall config (accepted as for hallq report; not needed)")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")


def run(args: argparse.Namespace) -> int:
    from hallq.common.dbfile import DatabaseFileError, restore
    from hallq.server.cli_backup import database

    db = database(args, "restore")
    if db is None:
        return 2
    newer = _newer_schema(args.file)
    if newer:
        print(f"hallq restore: {args.file} is a backup of a newer hallq ({newer}): not "
              "restored", file=sys.stderr)
        return 2
    try:
        aside = restore(args.file, db)
    except (DatabaseFileError, OSError) as exc:
        print(f"hallq restore: {exc}", file=sys.stderr)
        return 1
    kept = f"; the database it replaced is kept as {aside}" if aside else ""
    print(f"hallq restore: {args.file} → {db}{kept}")
    return 0


def _newer_schema(backup: Path) -> str | None:
    """Why this hallq cannot use the backup (it is of a newer release), else None. An older
    backup is fine: the server upgrades it when it starts (docs/migrations.md)."""
    import sqlalchemy as sa
    from sqlalchemy.exc import SQLAlchemyError

    from hallq.server.storage import migrate

    if not backup.is_file():
        return None  # restore says what is wrong with it
    engine = sa.create_engine(f"sqlite:///file:{backup.resolve()}?mode=ro&uri=true")
    try:
        found = migrate.version(engine)
    except SQLAlchemyError:
        return None  # not a database: restore's own check names it
    finally:
        engine.dispose()
    if found.state != "newer":
        return None
    return f"schema revision {found.current}; this hallq knows up to {found.head}"
