"""Clerks' photos uploaded in the console (6.2.1), kept in the database by their SHA-256: a
clerk's ``photo = "upload:<sha256>"`` names one. In the database, not in a folder, so a backup
(``hallq db backup``, ``pg_dump``) carries them, every server of a PostgreSQL hall serves the
same ones, and a photo never names a file the server must find. Revision 0007 brings the table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import LargeBinary, String, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from hallq.server.storage.engine import insert_for
from hallq.server.storage.tables import Base, UTCDateTime


class ClerkPhotoRow(Base):
    __tablename__ = "clerk_photos"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PhotoStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = insert_for(engine)

    def get(self, sha256: str) -> tuple[str, bytes] | None:
        """(content type, bytes) of the photo, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(ClerkPhotoRow.content_type, ClerkPhotoRow.data)
                               .where(ClerkPhotoRow.sha256 == sha256)).first()
        return (str(row.content_type), bytes(row.data)) if row is not None else None

    def add(self, sha256: str, content_type: str, data: bytes, at: datetime) -> None:
        """Keep a photo (the same bytes twice are kept once)."""
        with self.engine.begin() as conn:
            conn.execute(self._insert(ClerkPhotoRow).values(
                sha256=sha256, content_type=content_type, data=data, uploaded_at=at)
                .on_conflict_do_nothing(index_elements=["sha256"]))

    def prune(self, keep: Iterable[str]) -> int:
        """Forget every photo no clerk names any more; how many went."""
        kept = list(keep)
        with self.engine.begin() as conn:
            gone = conn.execute(delete(ClerkPhotoRow).where(ClerkPhotoRow.sha256.not_in(kept)))
        return int(gone.rowcount or 0)
