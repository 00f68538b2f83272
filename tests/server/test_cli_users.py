"""``hallq users``: accounts made and changed from the command line, on the server's database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hallq.cli import main
from hallq.server.service.accounts import Accounts
from hallq.server.service.hall_service import utc_now
from hallq.server.storage.console_store import ConsoleStore
from hallq.server.storage.engine import open_engine


def users(db: str, *argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["users", "--db", db, *argv])


def test_accounts_are_added_listed_disabled_and_given_new_passwords(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    assert users(db, "add", "wang", "--role", "supervisor", stdin="first-password\n",
                 monkeypatch=monkeypatch) == 0
    assert users(db, "add", "li", "--role", "viewer", stdin="second-password\n",
                 monkeypatch=monkeypatch) == 0
    capsys.readouterr()
    assert users(db, "list", monkeypatch=monkeypatch) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split() for line in listed] == [["li", "viewer", "active"],
                                                 ["wang", "supervisor", "active"]]
    accounts = Accounts(ConsoleStore(open_engine(db)), utc_now)
    accounts.login("wang", "first-password")
    assert users(db, "disable", "wang", monkeypatch=monkeypatch) == 0
    with pytest.raises(Exception, match="wrong user name or password"):
        accounts.login("wang", "first-password")
    assert users(db, "passwd", "wang", stdin="third-password\n", monkeypatch=monkeypatch) == 0
    accounts.login("wang", "third-password")  # a new password enables the account again
    assert "first-password" not in (tmp_path / "hall.db").read_bytes().decode("latin-1")


def test_bad_input_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    assert users(db, "add", "wang", "--role", "admin", stdin="short\n",
                 monkeypatch=monkeypatch) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    assert users(db, "add", "wang", "--role", "admin", stdin="long-enough-1\n",
                 monkeypatch=monkeypatch) == 0
    assert users(db, "add", "wang", "--role", "viewer", stdin="long-enough-2\n",
                 monkeypatch=monkeypatch) == 2
    assert "exists already" in capsys.readouterr().err
    assert users(db, "disable", "nobody", monkeypatch=monkeypatch) == 2
    assert "no user nobody" in capsys.readouterr().err
