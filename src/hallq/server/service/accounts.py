"""The console's accounts and sessions: `hallq users` and the console's log-in use this.

Five wrong passwords in a row lock an account for five minutes (the same guard rules as the
clerks' PINs, ``domain.lockout``, with a fixed lock); every attempt is written to the console's
audit log, never with its password. A session is a random token in an HttpOnly cookie; the
database keeps only its SHA-256 with the session's CSRF token, so a restart keeps sessions.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hallq.server.domain import accounts, lockout
from hallq.server.domain.accounts import Account
from hallq.server.domain.errors import Conflict, Forbidden, NotFound
from hallq.server.domain.lockout import LockPolicy, LoginLocked
from hallq.server.storage.console_store import ConsoleStore

POLICY = LockPolicy(attempts=5, first_lock_s=300.0, max_lock_s=300.0)
IDLE = timedelta(hours=10)  # a session unused this long ends (longer than a working day)
SEEN_EVERY = timedelta(minutes=1)  # how often a used session's time is written


@dataclass(frozen=True)
class Session:
    user: str
    role: str
    csrf: str
    digest: str


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class Accounts:
    def __init__(self, store: ConsoleStore, clock: Callable[[], datetime]) -> None:
        self.store, self.clock = store, clock
        self._lock = threading.Lock()  # one log-in at a time: guesses cannot race the count

    # ---- managing accounts (hallq users) -----------------------------------------------------
    def add(self, name: str, role: str, password: str) -> Account:
        account = Account(accounts.check_name(name), accounts.check_role(role),
                          accounts.hash_password(accounts.check_password(password)))
        if self.store.account(name) is not None:
            raise Conflict(f"user {name} exists already", code="user_exists", field="name")
        self.store.add(account, self.clock())
        return account

    def all(self) -> list[Account]:
        return self.store.accounts()

    def disable(self, name: str) -> None:
        if not self.store.change(name, disabled=True):
            raise NotFound(f"no user {name}", field="name")
        self.store.end_sessions(user=name)

    def passwd(self, name: str, password: str) -> None:
        """A new password; it also lifts a lock and enables a disabled account."""
        hashed = accounts.hash_password(accounts.check_password(password))
        if not self.store.change(name, password_hash=hashed, disabled=False, failures=0,
                                 locks=0, locked_until=None):
            raise NotFound(f"no user {name}", field="name")
        self.store.end_sessions(user=name)

    # ---- log-in and sessions -----------------------------------------------------------------
    def login(self, name: str, password: str, address: str = "") -> tuple[str, Session]:
        """A new session (its cookie token and itself); :class:`LoginLocked` while locked,
        ``Forbidden`` (code ``bad_login``) for a wrong name or password."""
        with self._lock:
            now = self.clock()
            found = self.store.account(name)
            if found is None:
                accounts.check_hash(password, accounts.dummy_hash())  # as slow as a real one
                self.audit(name, "login", "", "unknown_user", address)
                raise Forbidden("wrong user name or password", code="bad_login")
            account, guard = found
            until = lockout.locked_until([guard], now)
            if until is not None:
                self.audit(name, "login", "", "refused", address)
                raise LoginLocked(until, now)
            if account.disabled or not accounts.check_hash(password, account.password_hash):
                locked = lockout.failed(guard, POLICY, now)
                self.store.save_guard(name, guard)
                self.audit(name, "login", "", "locked" if locked else "wrong_password", address)
                if locked and guard.locked_until is not None:
                    raise LoginLocked(guard.locked_until, now)
                raise Forbidden("wrong user name or password", code="bad_login")
            lockout.succeeded(guard)
            self.store.save_guard(name, guard)
            token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            self.store.add_session(digest(token), name, csrf, now)
            self.store.end_sessions(seen_before=now - IDLE)  # forget the long unused ones
            self.audit(name, "login", "", "ok", address)
            return token, Session(name, account.role, csrf, digest(token))

    def session(self, token: str | None) -> Session | None:
        """The session of a cookie's token, or None (unknown, idle too long, user disabled)."""
        if not token:
            return None
        found = self.store.session(digest(token))
        if found is None:
            return None
        row, account = found
        now = self.clock()
        if account.disabled or now - row.seen_at > IDLE:
            return None
        if now - row.seen_at > SEEN_EVERY:
            self.store.seen(row.digest, now)
        return Session(account.name, account.role, row.csrf, row.digest)

    def logout(self, session: Session, address: str = "") -> None:
        self.store.end_sessions(digest=session.digest)
        self.audit(session.user, "logout", "", "ok", address)

    def audit(self, user: str, action: str, target: str, outcome: str,
              address: str = "") -> None:
        self.store.audit(self.clock(), user, action, target, outcome, address)

    def audit_log(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.store.audit_log(limit)
