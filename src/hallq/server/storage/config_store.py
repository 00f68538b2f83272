"""Reading and writing the live configuration and the audit log. A change is written by
``write`` inside the unit of work's one transaction (``Store.save``): the items, their new
versions and the audit lines commit together or not at all."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.engine import Engine

from hallq.server.config_items import KINDS, Item
from hallq.server.domain.errors import Conflict
from hallq.server.storage.config_tables import AuditRow, ConfigItemRow
from hallq.server.storage.console_tables import ConsoleAuditRow
from hallq.server.storage.trust_tables import LoginAuditRow


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    who: str
    action: str  # config.put | config.delete | config.patch | config.import | config.seed …
    target: str
    before: Any = None
    after: Any = None


@dataclass
class ConfigWrite:
    """One change of the configuration: the items as they will be (in order), what was
    removed, the versions the change was based on, and its audit lines."""

    items: list[Item]
    removed: list[tuple[str, str]] = field(default_factory=list)
    based_on: dict[tuple[str, str], int] = field(default_factory=dict)  # 0: a new item
    audit: list[AuditLine] = field(default_factory=list)


def _dump(value: Any) -> str | None:
    """JSON keeping the keys' order (an export lists them as they were written)."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


def write(conn: Connection, change: ConfigWrite) -> None:
    """Inside the caller's transaction; a version that moved meanwhile is a 409 (and the
    transaction rolls back)."""
    rows = {(r.kind, r.id): (r.version, r.position, r.body) for r in conn.execute(
        select(ConfigItemRow.kind, ConfigItemRow.id, ConfigItemRow.version,
               ConfigItemRow.position, ConfigItemRow.body)).all()}
    for key, version in change.based_on.items():
        now = rows[key][0] if key in rows else 0
        if now != version:
            raise Conflict(f"{key[0]}/{key[1]} changed meanwhile (version {now}, not "
                           f"{version}): read it again", code="version_conflict")
    for kind, item_id in change.removed:
        conn.execute(delete(ConfigItemRow).where(ConfigItemRow.kind == kind,
                                                 ConfigItemRow.id == item_id))
    positions: dict[str, int] = {}
    for item in change.items:
        position = positions[item.kind] = positions.get(item.kind, -1) + 1
        values = (item.version, position, _dump(item.body) or "{}")
        key = (item.kind, item.id)
        if key in rows and key not in change.removed:
            if rows[key] != values:  # only what changed: a change writes a row or two
                conn.execute(update(ConfigItemRow).where(
                    ConfigItemRow.kind == item.kind, ConfigItemRow.id == item.id).values(
                    version=values[0], position=position, body=values[2]))
        else:
            conn.execute(insert(ConfigItemRow).values(kind=item.kind, id=item.id,
                                                       version=values[0], position=position,
                                                       body=values[2]))
    record(conn, change.audit)


def record(conn: Connection, lines: Sequence[AuditLine]) -> None:
    for line in lines:
        conn.execute(insert(AuditRow).values(
            at=line.at, who=line.who[:80], action=line.action[:40], target=line.target[:80],
            before=_dump(line.before), after=_dump(line.after)))


class ConfigStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self) -> list[Item]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(ConfigItemRow)).all()
        rows = sorted(rows, key=lambda r: (KINDS.index(r.kind) if r.kind in KINDS else 99,
                                           r.position))
        return [Item(r.kind, r.id, json.loads(r.body), r.version) for r in rows]

    def seed(self, items: Sequence[Item], line: AuditLine) -> bool:
        """Store ``items`` if the database holds no configuration yet; False if it does."""
        with self.engine.begin() as conn:
            if conn.execute(select(func.count()).select_from(ConfigItemRow)).scalar():
                return False
            write(conn, ConfigWrite(list(items), audit=[line]))
        return True

    def audit(self, start: datetime, end: datetime, limit: int = 5000) -> list[dict[str, Any]]:
        """Changes and log-ins from ``start`` to ``end``: PIN log-ins from ``login_audit``, the
        console's log-ins and actions from ``console_audit`` (read here, kept where written)."""
        with self.engine.connect() as conn:
            changes = conn.execute(select(AuditRow).where(AuditRow.at >= start, AuditRow.at < end)
                                   .order_by(AuditRow.id).limit(limit)).all()
            logins = conn.execute(select(LoginAuditRow).where(
                LoginAuditRow.at >= start, LoginAuditRow.at < end)
                .order_by(LoginAuditRow.id).limit(limit)).all()
            console = conn.execute(select(ConsoleAuditRow).where(
                ConsoleAuditRow.at >= start, ConsoleAuditRow.at < end)
                .order_by(ConsoleAuditRow.id).limit(limit)).all()
        lines = [{"at": r.at, "who": r.who, "action": r.action, "target": r.target,
                  "before": None if r.before is None else json.loads(r.before),
                  "after": None if r.after is None else json.loads(r.after)} for r in changes]
        lines += [{"at": r.at, "who": f"clerks/{r.clerk}", "action": f"login.{r.outcome}",
                   "target": f"windows/{r.window}", "before": None,
                   "after": {"device": r.device} | ({"locked_until": r.locked_until.isoformat()}
                                                    if r.locked_until else {})}
                  for r in logins]
        lines += [{"at": r.at, "who": f"console:{r.user}",
                   "action": f"login.{r.outcome}" if r.action == "login" else
                   f"console.{r.action}", "target": r.target or "console", "before": None,
                   "after": {"outcome": r.outcome, "address": r.address}} for r in console]
        return sorted(lines, key=lambda line: line["at"])[:limit]
