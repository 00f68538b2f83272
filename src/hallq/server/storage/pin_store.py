"""PINs clerks chose themselves (issue 13): the salted hash per clerk, which outranks the hash
in the config from then on, until the config's hash changes (IT resetting a forgotten PIN).
Its table comes with revision 0003 (docs/migrations.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.engine import insert_for
from hallq.server.storage.tables import Base, UTCDateTime


class ClerkPinRow(Base):
    __tablename__ = "clerk_pins"
    clerk: Mapped[str] = mapped_column(String(40), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device: Mapped[str] = mapped_column(String(60), default="")
    replaces: Mapped[str] = mapped_column(String(200), default="")  # the config's hash then


class PinStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = insert_for(engine)

    def pin_hash(self, clerk: str, config_hash: str) -> str | None:
        """The hash of the PIN the clerk chose, or None: none chosen, or the config's hash has
        changed since (a new PIN given by IT outranks the one the clerk chose before)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(ClerkPinRow.pin_hash, ClerkPinRow.replaces)
                               .where(ClerkPinRow.clerk == clerk)).first()
        return str(row.pin_hash) if row is not None and row.replaces == config_hash else None

    def set(self, clerk: str, pin_hash: str, at: datetime, device: str = "",
            replaces: str = "") -> None:
        """``replaces``: the config's hash at the time (see :meth:`pin_hash`)."""
        values = {"pin_hash": pin_hash, "changed_at": at, "device": device[:60],
                  "replaces": replaces}
        with self.engine.begin() as conn:
            conn.execute(self._insert(ClerkPinRow).values(clerk=clerk, **values)
                         .on_conflict_do_update(index_elements=["clerk"], set_=values))
