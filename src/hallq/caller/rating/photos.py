"""Clerks' photos uploaded in the console, fetched through the shared client: the window view
names one as the clerk's ``photo_url`` (its version in the address), read once when the clerk
changes and kept for the day; a photo in the pad's own folder still wins (``PadSettings``)."""

from __future__ import annotations

import base64
import binascii
from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from hallq.client.connection import HallClient, Reply

KEEP = 32  # photos kept: a day's clerks at this window, and some more


class PhotoFetcher(QObject):
    ready = Signal(str)  # a photo_url whose bytes have arrived

    def __init__(self, client: HallClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._photos: OrderedDict[str, bytes] = OrderedDict()
        self._asked: set[str] = set()

    def photo(self, url: str) -> bytes | None:
        """The photo's bytes if they are here; else asks for them once (``ready`` follows)."""
        if url in self._photos:
            self._photos.move_to_end(url)
            return self._photos[url]
        if url not in self._asked:
            self._asked.add(url)
            self.client.get(url, lambda reply: self._arrived(url, reply))
        return None

    def _arrived(self, url: str, reply: Reply) -> None:
        self._asked.discard(url)  # a failure is asked again at the next refresh
        if not (reply.ok and isinstance(reply.data, dict)):
            return
        try:
            data = base64.b64decode(str(reply.data.get("data_base64", "")), validate=True)
        except (binascii.Error, ValueError):
            return
        self._photos[url] = data
        while len(self._photos) > KEEP:
            self._photos.popitem(last=False)
        self.ready.emit(url)
