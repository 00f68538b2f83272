"""A kiosk cancels only the tickets it issued that still wait (issue 15, point 6); an
administrator may cancel any. Two kiosk tokens against a real server over HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import create_engine, inspect, text

from tests.live_server import ADMIN, HALL, KIOSK, WINDOWS, LiveServer, live_server
from tests.server.clifix import RELEASE_0_1


def tables_of(db: Path) -> set[str]:
    engine = create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")  # the fixture stays as is
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


RELEASE_0_1_TABLES = tables_of(RELEASE_0_1) - {"alembic_version"}

KIOSK_2 = "second-kiosk-token-2"


def two_kiosk_hall(tmp_path: Path) -> Path:
    config = tmp_path / "hall.toml"
    config.write_text(HALL.read_text(encoding="utf-8") + f"""
[[devices]]
id = "kiosk-2"
kind = "kiosk"
token = "{KIOSK_2}"
""", encoding="utf-8")
    return config


def post(server: LiveServer, token: str, path: str, **body: object) -> httpx.Response:
    with server.http(token) as http:
        return http.post(path, json=body)


def cancel(server: LiveServer, token: str, ticket: dict[str, object]) -> httpx.Response:
    return post(server, token, f"/api/tickets/{ticket['id']}/cancel", reason="print_failed")


def status(server: LiveServer, ticket: dict[str, object]) -> str:
    with server.http() as http:
        return str(http.get(f"/api/tickets/{ticket['id']}").json()["status"])


def test_a_kiosk_cancels_its_own_waiting_tickets_and_no_others(tmp_path: Path) -> None:
    with live_server(tmp_path / "h.db", two_kiosk_hall(tmp_path)) as server:
        mine = post(server, KIOSK, "/api/tickets", service="biz").json()
        theirs = post(server, KIOSK_2, "/api/tickets", service="biz").json()

        refused = cancel(server, KIOSK_2, mine)
        assert refused.status_code == 403
        assert refused.json()["code"] == "not_own_ticket"
        assert status(server, mine) == "waiting"
        done = cancel(server, KIOSK, mine)
        assert done.status_code == 200 and done.json()["status"] == "cancelled"

        called = post(server, KIOSK, "/api/tickets", service="tax").json()
        server.login("9", "c08", "8901")
        assert post(server, WINDOWS, "/api/windows/9/next").json()["ticket"]["id"] == \
            called["id"]
        late = cancel(server, KIOSK, called)  # its own, but already called
        assert late.status_code == 409 and late.json()["code"] == "not_waiting"
        post(server, WINDOWS, "/api/windows/9/skip").raise_for_status()
        assert cancel(server, KIOSK, called).status_code == 409  # missed: not the kiosk's

        assert cancel(server, WINDOWS, theirs).status_code == 403  # pads never cancel
        assert cancel(server, ADMIN, theirs).status_code == 200
        assert cancel(server, ADMIN, called).status_code == 200  # a missed one, by admin
        assert [status(server, t) for t in (mine, theirs, called)] == ["cancelled"] * 3


def test_tickets_from_before_the_issuers_table_are_the_administrators(tmp_path: Path) -> None:
    """An existing database gains the new table on start; its older tickets have no issuer,
    so only an administrator cancels them."""
    db = tmp_path / "h.db"
    with live_server(db, two_kiosk_hall(tmp_path)) as server:
        old = post(server, KIOSK, "/api/tickets", service="biz").json()
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE ticket_issuers"))  # as a database from before it
        conn.execute(text("DROP TABLE alembic_version"))  # (and before the schema versions)
        for later in set(inspect(conn).get_table_names()) - RELEASE_0_1_TABLES:
            conn.execute(text(f"DROP TABLE {later}"))  # (and before the tables of later ones)
    engine.dispose()
    with live_server(db, two_kiosk_hall(tmp_path)) as server:
        assert cancel(server, KIOSK, old).status_code == 403
        new = post(server, KIOSK, "/api/tickets", service="biz").json()
        assert cancel(server, KIOSK, new).status_code == 200
        assert cancel(server, ADMIN, old).status_code == 200
