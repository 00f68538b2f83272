"""Clerk log-in with a guard against guessing: wrong PINs are counted per clerk and per
window in the database (a restart forgets nothing), a few in a row lock both for a growing
time, and every attempt is logged and stored, never with its PIN."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from hallq.server.domain import lockout
from hallq.server.domain.errors import Forbidden
from hallq.server.domain.hall import Clerk, Hall
from hallq.server.domain.lockout import LockPolicy, LoginLocked
from hallq.server.domain.windows import authenticate
from hallq.server.storage.pin_store import PinStore
from hallq.server.storage.trust_store import TrustStore

log = logging.getLogger("hallq.server.login")


class LoginGuard:
    def __init__(self, store: TrustStore, policy: LockPolicy | None = None,
                 pins: PinStore | None = None) -> None:
        self.store, self.policy = store, policy or LockPolicy()
        self.pins = pins or PinStore(store.engine)  # the PINs clerks chose themselves
        # one attempt at a time: parallel guesses cannot slip past the count between them
        self._lock = threading.Lock()

    def authenticate(self, hall: Hall, window_id: str, clerk_id: str, pin: str,
                     now: datetime, device: str = "") -> Clerk:
        """The clerk if the PIN is right and neither the clerk nor the window is locked;
        else :class:`LoginLocked` (without checking the PIN) or ``bad_login``. ``clerk_id``
        may be the clerk's id or 工号 (job number)."""
        found = hall.clerk_logging_in(clerk_id)
        known = found is not None
        clerk_id = found.id if found is not None else clerk_id
        with self._lock:
            guards = self.store.guards(lockout.keys(clerk_id, window_id, known))

            def record(guards: list[lockout.Guard], outcome: str,
                       until: datetime | None) -> None:
                self.store.record(guards, at=now, window=window_id, clerk=clerk_id,
                                  device=device, outcome=outcome, locked_until=until)

            until = lockout.locked_until(guards, now)
            if until is not None:
                record([], "refused", until)
                log.warning("log-in refused while locked: clerk %r at window %s (device %s) "
                            "until %s", clerk_id, window_id, device, until.isoformat())
                raise LoginLocked(until, now)
            try:
                clerk = authenticate(hall, clerk_id, pin, self.pins.pin_hash(
                    clerk_id, found.pin_hash) if found is not None else None)
            except Forbidden:
                locked = [lockout.failed(g, self.policy, now) for g in guards]
                until = lockout.locked_until(guards, now)
                outcome = "locked" if any(locked) else "wrong_pin"
                record(guards, outcome, until)
                if until is not None:
                    log.warning("log-in locked after %d wrong PINs: clerk %r at window %s "
                                "(device %s) until %s", self.policy.attempts, clerk_id,
                                window_id, device, until.isoformat())
                    raise LoginLocked(until, now) from None
                log.warning("wrong PIN: clerk %r at window %s (device %s)", clerk_id,
                            window_id, device)
                raise
            for guard in guards:
                lockout.succeeded(guard)
            record(guards, "ok", None)
            return clerk
