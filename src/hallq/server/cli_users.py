"""``hallq users``: the console's accounts (add, list, disable, passwd).

Works on the server's database while it runs (``--db`` as for ``hallq server``). A password is
read from standard input when it is not a terminal (``echo "$PW" | hallq users add …``), else
asked for twice without echo; it is never a command-line argument (those show in ``ps``).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from hallq.common import paths

HELP = "manage the web console's accounts: add NAME --role ROLE, list, disable NAME, passwd NAME"
ROLES = ("admin", "supervisor", "viewer")


def configure(parser: argparse.ArgumentParser) -> None:
    paths.add_config(parser)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (as for hallq server)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="a new account (its password from stdin, or asked)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES,
                     help="admin 管理员, supervisor 值班长, viewer 监督")
    actions.add_parser("list", help="the accounts, their roles and whether they are disabled")
    disable = actions.add_parser("disable", help="no more log-ins; ends its sessions")
    disable.add_argument("name")
    passwd = actions.add_parser("passwd", help="a new password (also enables and unlocks)")
    passwd.add_argument("name")


def add_account(db_url: str, name: str, role: str, password: str) -> None:
    """One account in the database at ``db_url`` (the demo's manager)."""
    from hallq.server.service.accounts import Accounts
    from hallq.server.service.hall_service import utc_now
    from hallq.server.storage.console_store import ConsoleStore
    from hallq.server.storage.engine import open_engine

    engine = open_engine(db_url)
    try:
        Accounts(ConsoleStore(engine), utc_now).add(name, role, password)
    finally:
        engine.dispose()


def read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def run(args: argparse.Namespace) -> int:
    from hallq.server.bootstrap import default_db_url
    from hallq.server.domain.errors import HallError
    from hallq.server.service.accounts import Accounts
    from hallq.server.service.hall_service import utc_now
    from hallq.server.storage.console_store import ConsoleStore
    from hallq.server.storage.engine import DatabaseError, open_engine

    try:
        accounts = Accounts(ConsoleStore(open_engine(args.db or default_db_url())), utc_now)
        if args.action == "list":
            for a in accounts.all():
                state = "disabled" if a.disabled else "active"
                print(f"{a.name:20} {a.role:11} {state}")
            return 0
        if args.action == "disable":
            accounts.disable(args.name)
            print(f"hallq users: {args.name} disabled")
            return 0
        password = read_password()
        if args.action == "add":
            accounts.add(args.name, args.role, password)
            print(f"hallq users: {args.name} added ({args.role})")
        else:
            accounts.passwd(args.name, password)
            print(f"hallq users: new password for {args.name}")
        return 0
    except (HallError, DatabaseError, ValueError) as exc:
        print(f"hallq users: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 2
