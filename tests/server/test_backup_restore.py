"""``hallq backup`` and ``hallq restore`` against a real ``hallq server`` process.

The backup is taken while the server runs and holds every ticket and rating the server has
acknowledged (a plain copy of hall.db misses what is still in hall.db-wal); restore refuses
while the server runs, and puts the backup back once it is stopped, keeping the file it replaced.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hallq.processes import Processes, free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
SIDE = ("-wal", "-shm")
ADMIN, KIOSK, WINDOWS = "backup-test-admin-token", "demo-kiosk-token-1", "demo-window-token-all"


def hallq(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hallq", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def start_server(procs: Processes, db: Path, name: str) -> httpx.Client:
    port = free_port()
    procs.hallq(name, "server", "--db", f"sqlite:///{db}", "--port", str(port),
                "--open-all-hours", "--log-level", "warning",
                env={"HALLQ_ADMIN_TOKEN": ADMIN, "HALLQ_DATA": str(db.parent / "data")})
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, processes=procs)
    return httpx.Client(base_url=url, timeout=10)


def post(api: httpx.Client, path: str, token: str, body: dict[str, object] | None = None) -> \
        dict[str, object]:
    answer = api.post(path, json=body, headers={"Authorization": f"Bearer {token}"})
    answer.raise_for_status()
    result = answer.json()
    assert isinstance(result, dict)
    return result


def rows(db: Path, query: str) -> set[int]:
    connection = sqlite3.connect(db)
    try:
        return {row[0] for row in connection.execute(query)}
    finally:
        connection.close()


def test_backup_while_serving_holds_every_acknowledged_ticket_and_rating(tmp_path: Path) -> None:
    db, backup = tmp_path / "hall.db", tmp_path / "backup.db"
    procs = Processes(tmp_path / "logs")
    api = httpx.Client()
    try:
        api = start_server(procs, db, "server")
        post(api, "/api/windows/1/login", WINDOWS, {"clerk": "c01", "pin": "1234"})
        finished, rated = set(), set()
        for _ in range(30):
            post(api, "/api/tickets", KIOSK, {"service": "general"})
            ticket = post(api, "/api/windows/1/next", WINDOWS)["ticket"]
            assert isinstance(ticket, dict)
            done = post(api, "/api/windows/1/finish", WINDOWS)["ticket"]
            assert isinstance(done, dict)
            finished.add(int(done["id"]))
            post(api, f"/api/tickets/{done['id']}/rating", WINDOWS, {"score": 5})
            rated.add(int(done["id"]))
        shutil.copyfile(db, tmp_path / "plain-copy.db")  # what the README used to suggest
        second = hallq("server", "--db", f"sqlite:///{db}", "--port", str(free_port()),
                       cwd=tmp_path)
        assert second.returncode == 2 and "another hallq server uses" in second.stderr

        made = hallq("backup", str(backup), "--db", f"sqlite:///{db}", cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        assert rows(backup, "SELECT id FROM tickets WHERE status = 'done'") == finished
        assert rows(backup, "SELECT ticket_id FROM ratings") == rated
        assert not Path(f"{backup}-wal").exists()  # one self-contained file
        try:  # for the record only: SQLite may have checkpointed the -wal file meanwhile
            plain = len(rows(tmp_path / "plain-copy.db", "SELECT ticket_id FROM ratings"))
        except sqlite3.OperationalError:  # even the table is still in the -wal file
            plain = 0
        print(f"a plain copy held {plain} of {len(rated)} ratings; the backup all")

        later = post(api, "/api/tickets", KIOSK, {"service": "general"})  # after the backup
        refused = hallq("restore", str(backup), "--db", f"sqlite:///{db}", cwd=tmp_path)
        assert refused.returncode != 0
        assert "a hallq server is using this database" in refused.stderr
        api.get("/api/health").raise_for_status()  # the running server was left alone
        api.close()
        procs.stop()

        restored = hallq("restore", str(backup), "--db", f"sqlite:///{db}", cwd=tmp_path)
        assert restored.returncode == 0, restored.stderr
        aside = [p for p in tmp_path.glob("hall.db.replaced-*") if p.name[-4:] not in SIDE]
        assert aside and later["id"] in rows(aside[0], "SELECT id FROM tickets")

        api = start_server(procs, db, "server-again")
        admin = {"Authorization": f"Bearer {ADMIN}"}
        for ticket_id in (min(finished), max(finished)):
            assert api.get(f"/api/tickets/{ticket_id}", headers=admin).json()["status"] == "done"
        assert api.get(f"/api/tickets/{later['id']}", headers=admin).status_code == 404
    finally:
        api.close()
        procs.stop()


def test_backup_of_a_postgresql_database_points_to_pg_dump(tmp_path: Path) -> None:
    answer = hallq("backup", str(tmp_path / "b.db"), "--db",
                   "postgresql+psycopg://hallq:secret@db.example/hallq", cwd=tmp_path)
    assert answer.returncode != 0
    assert "pg_dump" in answer.stderr and "secret" not in answer.stderr
    assert not (tmp_path / "b.db").exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path, content: bytes) -> None:
    db, bad = tmp_path / "hall.db", tmp_path / "bad.db"
    sqlite3.connect(db).close()
    bad.write_bytes(content)
    answer = hallq("restore", str(bad), "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert answer.returncode != 0 and "bad.db" in answer.stderr
    assert not list(tmp_path.glob("hall.db.replaced-*"))
