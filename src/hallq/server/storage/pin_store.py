"""PINs clerks chose themselves (issue 13): the salted hash per clerk, which outranks the hash
in the config from then on. A new table, so ``create_all`` adds it to an existing database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.tables import Base, UTCDateTime


class ClerkPinRow(Base):
    __tablename__ = "clerk_pins"
    clerk: Mapped[str] = mapped_column(String(40), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device: Mapped[str] = mapped_column(String(60), default="")


class PinStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    def pin_hash(self, clerk: str) -> str | None:
        """The hash of the PIN the clerk chose, or None (the config's hash holds)."""
        with self.engine.connect() as conn:
            value = conn.execute(select(ClerkPinRow.pin_hash)
                                 .where(ClerkPinRow.clerk == clerk)).scalar()
        return None if value is None else str(value)

    def set(self, clerk: str, pin_hash: str, at: datetime, device: str = "") -> None:
        values = {"pin_hash": pin_hash, "changed_at": at, "device": device[:60]}
        with self.engine.begin() as conn:
            conn.execute(self._insert(ClerkPinRow).values(clerk=clerk, **values)
                         .on_conflict_do_update(index_elements=["clerk"], set_=values))
