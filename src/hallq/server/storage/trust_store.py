"""Reading and writing the login guards, their audit and the tickets' issuers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from hallq.server.domain.lockout import Guard
from hallq.server.storage.engine import insert_for
from hallq.server.storage.trust_tables import LoginAuditRow, LoginGuardRow, TicketIssuerRow


class TrustStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = insert_for(engine)

    def guards(self, keys: tuple[str, ...]) -> list[Guard]:
        with self.engine.connect() as conn:
            rows = {r.key: r for r in conn.execute(
                select(LoginGuardRow).where(LoginGuardRow.key.in_(keys))).all()}
        return [Guard(k, rows[k].failures, rows[k].locks, rows[k].locked_until,
                      rows[k].last_failure_at) if k in rows else Guard(k) for k in keys]

    def record(self, guards: list[Guard], *, at: datetime, window: str, clerk: str,
               device: str, outcome: str, locked_until: datetime | None) -> None:
        """The guards as they are now and one audit line, in one transaction."""
        with self.engine.begin() as conn:
            for g in guards:
                values = {"failures": g.failures, "locks": g.locks,
                          "locked_until": g.locked_until, "last_failure_at": g.last_failure_at}
                conn.execute(self._insert(LoginGuardRow).values(key=g.key, **values)
                             .on_conflict_do_update(index_elements=["key"], set_=values))
            conn.execute(insert(LoginAuditRow).values(
                at=at, window=window[:40], clerk=clerk[:40], device=device[:60],
                outcome=outcome, locked_until=locked_until))

    def audit(self, limit: int = 100) -> list[dict[str, object]]:
        """The latest log-in attempts, the latest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(LoginAuditRow).order_by(LoginAuditRow.id.desc())
                                .limit(limit)).all()
        return [{"at": r.at, "window": r.window, "clerk": r.clerk, "device": r.device,
                 "outcome": r.outcome, "locked_until": r.locked_until} for r in rows]

    # ---- who issued which ticket ------------------------------------------------------------
    def issuer(self, ticket_id: int) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(TicketIssuerRow.device)
                                 .where(TicketIssuerRow.ticket_id == ticket_id)).scalar()
        return None if value is None else str(value)
