"""What every printer transport offers: open, write, ask a status byte, close."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image


class Transport(ABC):
    """Bytes to a printer and, where the link allows, status bytes back.

    Methods may block; the printer bounds every call with a deadline. ``timeout`` arguments are
    what the transport should use for its own OS-level timeouts.
    """

    reads_status: bool = True  # False: the link is one-way; status is reported as ok
    wants_image: bool = False  # True: end_job() wants the rendered ticket image (preview)

    def __init__(self, url: str) -> None:
        self.url = url

    @abstractmethod
    def open(self, timeout: float) -> None: ...

    @abstractmethod
    def write(self, data: bytes, timeout: float) -> None: ...

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes the printer sent, or b"" if nothing came within ``timeout``."""
        return b""

    def drain(self) -> None:
        """Throw away bytes the printer sent earlier (stale answers)."""
        return None

    def query(self, request: bytes, timeout: float) -> bytes:
        """Send a status request and return the one-byte answer, or b"" if none came."""
        self.drain()
        self.write(request, timeout)
        return self.read(1, timeout)

    def transmit_s(self, size: int) -> float:
        """How long ``size`` bytes written may still take to reach the printer after write()
        returned (a slow serial line drains its OS buffer after the call)."""
        return 0.0

    def end_job(self, name: str, image: Image | None) -> None:
        """One ticket has been written completely."""
        return None

    @abstractmethod
    def close(self) -> None: ...
