"""The SQLite database file of a hall: the lock a running server holds on it, a consistent copy
of it while the server runs, and putting a copy back.

A plain copy of ``hall.db`` misses what SQLite still keeps in ``hall.db-wal`` (recent tickets and
ratings); the online backup API copies the database as one transaction sees it, WAL included.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, ClassVar

SIDE_FILES = ("-wal", "-shm", "-journal")


class DatabaseFileError(Exception):
    """A message for the person at the command line."""


def sqlite_path(url: str) -> Path | None:
    """The file of an ``sqlite:///PATH`` URL; None for other databases (PostgreSQL)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    if not path or path == ":memory:":
        raise DatabaseFileError(f"{url}: not a database file")
    return Path(path)


@contextmanager
def without_server(url: str) -> Iterator[bool]:
    """Holds the server's lock of the database ``url`` names while the block runs, so that no
    ``hallq server`` starts on it meanwhile; yields False (holding nothing) when one runs."""
    lock = server_lock(url)
    if lock and not lock.acquire():
        yield False
        return
    try:
        yield True
    finally:
        if lock:
            lock.release()


def server_lock(url: str) -> FileLock | None:
    """The lock ``hallq server`` holds on the SQLite file ``url`` names (not yet taken); None
    for a database no other process can open as a file (PostgreSQL, in memory)."""
    try:
        db_file = sqlite_path(url)
    except DatabaseFileError:
        return None
    return FileLock(db_file) if db_file else None


class FileLock:
    """An exclusive lock on ``<db>.lock``, held by ``hallq server`` for as long as it runs (the
    operating system lets go of it when the process ends, however it ends)."""

    _held: ClassVar[set[Path]] = set()  # the locks this process holds

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._file: IO[bytes] | None = None

    @classmethod
    def held_here(cls, db: Path) -> bool:
        """Does this process hold the lock of ``db`` (it is the server, or hallq db upgrade)?"""
        return db.with_name(db.name + ".lock").resolve() in cls._held

    def acquire(self) -> bool:
        """True if this process now holds the lock; False if another process holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        self._held.add(self.path.resolve())
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing lets go of the lock on every system
            self._file = None
            self._held.discard(self.path.resolve())


def backup(db: Path, target: Path) -> dict[str, int]:
    """Copies ``db`` to ``target`` with SQLite's online backup (safe while a server writes);
    the copy is one self-contained file. Returns the row count of each table in the copy."""
    if not db.is_file():
        raise DatabaseFileError(f"{db}: no such database file")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(db, timeout=30)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # no -wal beside the copy
            counts = _check(copy, partial)
        finally:
            copy.close()
    finally:
        source.close()
    os.replace(partial, target)
    return counts


def _check(connection: sqlite3.Connection, path: Path) -> dict[str, int]:
    verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        raise DatabaseFileError(f"{path}: the database is damaged: {verdict}")
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def check_backup(path: Path) -> dict[str, int]:
    """Row counts of a backup file, after SQLite's integrity check."""
    if not path.is_file():
        raise DatabaseFileError(f"{path}: no such file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            counts = _check(connection, path)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path}: not an SQLite database ({exc})") from None
    if "tickets" not in counts:
        raise DatabaseFileError(f"{path}: not a hallq database (it has no tickets table)")
    return counts


def restore(backup_file: Path, db: Path) -> Path | None:
    """Puts ``backup_file`` in the place of ``db`` while holding the server's lock (so no server
    runs on it); the replaced file and its -wal/-shm move aside, named ``<db>.replaced-TIME``.
    Returns that name, or None when there was no database yet."""
    check_backup(backup_file)
    lock = FileLock(db)
    if not lock.acquire():
        raise DatabaseFileError(f"{db}: a hallq server is using this database; stop it first "
                                "(e.g. systemctl stop hallq-server), then restore")
    try:
        aside = None
        if db.exists():
            aside = db.with_name(f"{db.name}.replaced-{datetime.now():%Y%m%d-%H%M%S}")
            for suffix in ("", *SIDE_FILES):  # together: a -wal belongs to its database
                if Path(f"{db}{suffix}").exists():
                    os.replace(f"{db}{suffix}", f"{aside}{suffix}")
        partial = db.with_name(db.name + ".partial")
        shutil.copyfile(backup_file, partial)
        os.replace(partial, db)
        return aside
    finally:
        lock.release()
