"""The TV call display: a thin view over the shared ``HallClient``.

A snapshot (on connecting, and after being offline) redraws everything; each event touches
only what it changed: one window's tile, the waiting counts, the latest calls. Calls of this
display's windows are also handed to the announcement queue, when one is given.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from hallq.client.connection import HallClient, Reply
from hallq.client.i18n import Texts, error_text
from hallq.client.names import local_name
from hallq.client.snapshot import window_of
from hallq.display.tv import style
from hallq.display.tv.calls import NewestCall, RecentCalls
from hallq.display.tv.grid import WindowGrid
from hallq.display.tv.model import fold_recalls, merge_calls, waiting_rows
from hallq.display.tv.options import DisplayOptions
from hallq.display.tv.panels import Header, WaitingPanel
from hallq.display.tv.ticker import NoticeTicker

if TYPE_CHECKING:
    from hallq.display.voice.queue import AnnouncementQueue

CALLS = ("ticket.called", "ticket.recalled")
log = logging.getLogger(__name__)


class DisplayWindow(QWidget):
    def __init__(self, client: HallClient, options: DisplayOptions, words: Texts,
                 voice: AnnouncementQueue | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.options, self.words, self.voice = client, options, words, voice
        self.zone, self.language = options.zone, words.language
        self.setObjectName("display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(style.STYLE)
        self.setWindowTitle("hallq")
        self.calls: list[dict[str, Any]] = []
        self.services: dict[str, dict[str, Any]] = {}
        self.shape: tuple[bool, float] | None = None
        self.detached = False
        self.warned = False  # about windows of --windows the hall does not have
        self._build()
        client.snapshotChanged.connect(self.on_snapshot)
        client.eventReceived.connect(self.on_event)
        client.onlineChanged.connect(self.on_online)
        client.configChanged.connect(self.on_config)
        self.on_online(client.online)
        if client.snapshot:
            self.on_snapshot(client.snapshot)

    def detach(self) -> None:
        """Stop following the client (before either is deleted: a closing socket still
        reports, and must not reach a window being torn down). Once is enough."""
        if self.detached:
            return
        self.detached = True
        for signal, slot in ((self.client.snapshotChanged, self.on_snapshot),
                             (self.client.eventReceived, self.on_event),
                             (self.client.onlineChanged, self.on_online),
                             (self.client.configChanged, self.on_config)):
            signal.disconnect(slot)

    def _build(self) -> None:
        words = self.words
        self.header = Header(words)
        self.banner = QLabel(words("connecting"))
        self.banner.setProperty("role", "offline")
        self.banner.setWordWrap(True)
        self.newest = NewestCall(words)
        self.recent = RecentCalls(words, self.options.recent)
        self.grid_title, self.grid = QLabel(words("windows")), WindowGrid(
            words, self.language, self.options.page_s)
        self.grid_title.setObjectName("caption")
        self.waiting = WaitingPanel(words)
        self.ticker = NoticeTicker()
        self.calls_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.calls_box.addWidget(self.newest)
        self.calls_box.addWidget(self.recent, 1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.grid_title, 1)
        title_row.addWidget(self.grid.page_label)
        windows = QVBoxLayout()
        windows.addLayout(title_row)
        windows.addWidget(self.grid, 1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(self.calls_box, 2)
        self.body.addLayout(windows, 3)
        self.inner = QVBoxLayout()
        self.inner.addWidget(self.banner)
        self.inner.addLayout(self.body, 1)
        self.inner.addWidget(self.waiting)
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the screen's size
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addLayout(self.inner, 1)
        outer.addWidget(self.ticker)

    # ---- size and orientation ----------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        width, height = max(1, self.width()), max(1, self.height())
        portrait = height > width
        unit = min(width / 1080, height / 1920) if portrait else min(width / 1920, height / 1080)
        unit = round(max(0.3, unit), 3)
        if (portrait, unit) != self.shape:
            self.shape = (portrait, unit)
            self.apply_shape(portrait, unit)
        super().resizeEvent(event)

    def apply_shape(self, portrait: bool, unit: float) -> None:
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        self.calls_box.setDirection(QBoxLayout.Direction.LeftToRight if portrait
                                    else QBoxLayout.Direction.TopToBottom)
        self.calls_box.setStretch(0, 3 if portrait else 0)  # side by side: the newest wider
        self.calls_box.setStretch(1, 2 if portrait else 1)
        self.body.setStretch(0, 2)
        self.body.setStretch(1, 5 if portrait else 3)
        for part in (self.newest, self.recent, self.ticker, self.grid):
            part.set_scale(unit)
        self.header.set_scale(unit, narrow=portrait)
        self.waiting.set_scale(unit, 3 if portrait else 6)
        self.grid_title.setFont(style.font(30 * unit, True))
        self.banner.setFont(style.font(30 * unit, True))
        spacing = round(14 * unit)
        self.inner.setContentsMargins(spacing, spacing, spacing, spacing)
        for box in (self.inner, self.body, self.calls_box):
            box.setSpacing(spacing)

    # ---- the server --------------------------------------------------------------------------
    def on_online(self, online: bool) -> None:
        if online:
            self.client.get("/api/services", self._on_services)
        else:
            if self.client.snapshot:
                self.banner.setText(error_text("offline", self.language,
                                               self.words("connecting")))
        self.banner.setVisible(not online)

    def on_config(self, _event: dict[str, Any]) -> None:
        """Services renamed, added or removed: read them again (the snapshot comes anew)."""
        self.client.get("/api/services", self._on_services)

    def _on_services(self, reply: Reply) -> None:
        if reply.ok and isinstance(reply.data, list):
            self.services = {str(s["code"]): s for s in reply.data}
            self._show_waiting()

    def on_snapshot(self, snapshot: dict[str, Any]) -> None:
        hall = snapshot.get("hall") or {}
        self.header.set_hall(local_name(hall, self.language), snapshot.get("at"))
        self.ticker.set_text(self.options.notice if self.options.notice is not None
                             else str(hall.get("notice") or ""))
        self.grid.set_windows([w for w in snapshot.get("windows", [])
                               if self.zone.shows_window(w)])
        known = {str(w["id"]) for w in snapshot.get("windows", [])}
        unknown = sorted((self.zone.windows or frozenset()) - known)
        if unknown and not self.warned:
            self.warned = True
            log.warning("display: the hall has no window %s", ", ".join(unknown))
        self._show_waiting()
        windows = {str(w["id"]): w for w in snapshot.get("windows", [])}
        newest = self.calls[0] if self.calls else None
        self.calls = merge_calls(self.calls, snapshot.get("last_calls", []), self.zone, windows,
                                 2 * (self.options.recent + 1))  # recalls fold
        self._show_calls(flash=bool(self.calls) and self.calls[0] != newest
                         and newest is not None)

    def on_event(self, event: dict[str, Any]) -> None:
        snapshot = self.client.snapshot
        if "waiting" in event:
            self._show_waiting()
        window = window_of(snapshot, event.get("window"))
        if window is None or not self.zone.shows_window(window):
            return
        self.grid.update_window(window)
        if event.get("type") in CALLS and snapshot.get("last_calls"):
            self.calls = [dict(snapshot["last_calls"][0]),
                          *self.calls][: 2 * (self.options.recent + 1)]
            self._show_calls(flash=True)
            if self.voice is not None:
                self.voice.announce_event(event)

    def _show_waiting(self) -> None:
        self.waiting.show_rows(waiting_rows(self.client.snapshot, self.services, self.zone,
                                            self.language))

    def _show_calls(self, flash: bool) -> None:
        windows = {str(w["id"]): w for w in self.client.snapshot.get("windows", [])}
        shown = [{**c, "window_name": local_name(windows[str(c["window"])], self.language)
                  if str(c.get("window")) in windows else c.get("window_name")}
                 for c in fold_recalls(self.calls)]
        if not shown or flash or shown[0]["number"] != self.newest.number.text():
            self.newest.show_call(shown[0] if shown else None,
                                  self.options.flash_s if flash else 0)
        self.recent.show_calls(shown[1:])
