"""Clerk PINs resist guessing: a few wrong PINs lock the clerk and the window for a while,
longer each time (issue 15). Pure rules; the service keeps the guards in the database so a
restart does not forget them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from hallq.server.domain.errors import Conflict

UNKNOWN_CLERK = "?"  # every clerk id the hall does not know shares one guard


@dataclass(frozen=True)
class LockPolicy:
    attempts: int = 5  # wrong PINs in a row that lock
    first_lock_s: float = 60.0  # the first lock; each further lock in a row doubles it
    max_lock_s: float = 3600.0
    forget_after_s: float = 24 * 3600.0  # a quiet day forgets earlier failures and locks

    def lock_time(self, locks: int) -> timedelta:
        return timedelta(seconds=min(self.first_lock_s * 2 ** max(0, locks - 1),
                                     self.max_lock_s))


@dataclass
class Guard:
    """The failed logins of one clerk or one window (``key`` like ``clerk:c01``)."""

    key: str
    failures: int = 0  # wrong PINs since the last lock or the last right one
    locks: int = 0  # locks in a row: each one lasts twice the one before
    locked_until: datetime | None = None
    last_failure_at: datetime | None = None


class LoginLocked(Conflict):
    """Too many wrong PINs: refused without checking the PIN until ``until``."""

    code = "login_locked"

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        self.retry_after_s = max(1, math.ceil((until - now).total_seconds()))
        minutes = math.ceil(self.retry_after_s / 60)
        super().__init__(f"too many wrong PINs: log-in here is locked for {minutes} more "
                         f"minute{'s' if minutes != 1 else ''}; try again after "
                         f"{self.retry_after_s} s", code="login_locked")


def keys(clerk_id: str, window_id: str, known: bool) -> tuple[str, str]:
    return f"clerk:{clerk_id if known else UNKNOWN_CLERK}", f"window:{window_id}"


def locked_until(guards: list[Guard], now: datetime) -> datetime | None:
    """The latest lock still running among ``guards``, if any."""
    running = [g.locked_until for g in guards if g.locked_until and g.locked_until > now]
    return max(running) if running else None


def failed(guard: Guard, policy: LockPolicy, now: datetime) -> bool:
    """Count one wrong PIN; True if it locks the guard now."""
    quiet = timedelta(seconds=policy.forget_after_s)
    if guard.last_failure_at is not None and now - guard.last_failure_at > quiet:
        guard.failures, guard.locks = 0, 0
    guard.failures += 1
    guard.last_failure_at = now
    if guard.failures < policy.attempts:
        return False
    guard.locks += 1
    guard.failures = 0
    guard.locked_until = now + policy.lock_time(guard.locks)
    return True


def succeeded(guard: Guard) -> None:
    guard.failures, guard.locks, guard.locked_until = 0, 0, None
