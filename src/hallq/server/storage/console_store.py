"""Reading and writing the console's accounts, sessions and audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine

from hallq.server.domain.accounts import Account
from hallq.server.domain.lockout import Guard
from hallq.server.storage.console_tables import ConsoleAuditRow, ConsoleSessionRow, ConsoleUserRow

U = ConsoleUserRow
ACCOUNT = (U.name, U.role, U.password_hash, U.disabled, U.created_at)


@dataclass(frozen=True)
class SessionRow:
    digest: str
    csrf: str
    seen_at: datetime


def _account(row: Any) -> Account:
    return Account(row.name, row.role, row.password_hash, bool(row.disabled), row.created_at)


class ConsoleStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ---- accounts ----------------------------------------------------------------------------
    def add(self, account: Account, at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(ConsoleUserRow).values(
                name=account.name, role=account.role, password_hash=account.password_hash,
                disabled=account.disabled, created_at=at, failures=0, locks=0))

    def account(self, name: str) -> tuple[Account, Guard] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(*ACCOUNT, U.failures, U.locks, U.locked_until,
                                      U.last_failure_at).where(U.name == name)).first()
        if row is None:
            return None
        return _account(row), Guard(f"console:{row.name}", row.failures, row.locks,
                                    row.locked_until, row.last_failure_at)

    def accounts(self) -> list[Account]:
        with self.engine.connect() as conn:
            return [_account(r) for r in conn.execute(select(*ACCOUNT).order_by(U.name))]

    def change(self, name: str, **values: Any) -> bool:
        """Set columns of one account (role, password_hash, disabled, the guard's)."""
        with self.engine.begin() as conn:
            done = conn.execute(update(ConsoleUserRow).where(ConsoleUserRow.name == name)
                                .values(**values))
            return bool(done.rowcount)

    def save_guard(self, name: str, guard: Guard) -> None:
        self.change(name, failures=guard.failures, locks=guard.locks,
                    locked_until=guard.locked_until, last_failure_at=guard.last_failure_at)

    # ---- sessions ----------------------------------------------------------------------------
    def add_session(self, digest: str, user: str, csrf: str, at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(ConsoleSessionRow).values(
                digest=digest, user=user, csrf=csrf, created_at=at, seen_at=at))

    def session(self, digest: str) -> tuple[SessionRow, Account] | None:
        S = ConsoleSessionRow
        with self.engine.connect() as conn:
            row = conn.execute(select(S.digest, S.csrf, S.seen_at, *ACCOUNT)
                               .join(U, U.name == S.user).where(S.digest == digest)).first()
        return None if row is None else (SessionRow(row.digest, row.csrf, row.seen_at),
                                         _account(row))

    def seen(self, digest: str, at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(ConsoleSessionRow).where(ConsoleSessionRow.digest == digest)
                         .values(seen_at=at))

    def end_sessions(self, *, digest: str | None = None, user: str | None = None,
                     seen_before: datetime | None = None) -> None:
        query = delete(ConsoleSessionRow)
        if digest is not None:
            query = query.where(ConsoleSessionRow.digest == digest)
        if user is not None:
            query = query.where(ConsoleSessionRow.user == user)
        if seen_before is not None:
            query = query.where(ConsoleSessionRow.seen_at < seen_before)
        with self.engine.begin() as conn:
            conn.execute(query)

    # ---- audit -------------------------------------------------------------------------------
    def audit(self, at: datetime, user: str, action: str, target: str, outcome: str,
              address: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(ConsoleAuditRow).values(
                at=at, user=user[:40], action=action[:40], target=target[:80],
                outcome=outcome[:20], address=address[:60]))

    def audit_log(self, limit: int = 100) -> list[dict[str, Any]]:
        """The latest lines, the latest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(ConsoleAuditRow.__table__)
                                .order_by(ConsoleAuditRow.id.desc()).limit(limit))
            return [{"at": r.at, "user": r.user, "action": r.action, "target": r.target,
                     "outcome": r.outcome, "address": r.address} for r in rows]
