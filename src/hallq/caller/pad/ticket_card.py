"""The ticket being served: its number big, its service, and a running "已办理 mm:ss"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hallq.caller.pad.ui import card_style, named
from hallq.client import theme
from hallq.client.i18n import Texts


def mm_ss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    minutes, rest = divmod(seconds, 60)
    if minutes >= 60:
        return f"{minutes // 60}:{minutes % 60:02d}:{rest:02d}"
    return f"{minutes:02d}:{rest:02d}"


class TicketCard(QFrame):
    def __init__(self, texts: Texts, now: Callable[[], datetime],
                 service_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketCard")
        self.t, self.now, self.service_name = texts, now, service_name
        self.setStyleSheet(card_style("ticketCard"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 16)
        layout.setSpacing(4)
        self.number = named(QLabel(), "number")
        self.number.setFont(theme.font(72, bold=True))
        self.number.setStyleSheet(f"color: {theme.RED};")
        self.service = named(QLabel(wordWrap=True), "service")
        self.service.setFont(theme.font(24, bold=True))
        self.elapsed = named(QLabel(), "elapsed")
        self.elapsed.setFont(theme.font(22))
        self.note = named(QLabel(wordWrap=True), "note")
        self.note.setFont(theme.font(16))
        self.note.setStyleSheet(f"color: {theme.GREY};")
        for label in (self.number, self.service, self.elapsed, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.ticket: dict[str, Any] | None = None
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.show_ticket(None)

    def scale(self, factor: float) -> None:
        self.number.setFont(theme.font(round(72 * factor), bold=True))
        self.service.setFont(theme.font(round(24 * factor), bold=True))
        self.elapsed.setFont(theme.font(round(22 * factor)))

    def show_ticket(self, ticket: dict[str, Any] | None, hint: str = "press_next") -> None:
        self.ticket = ticket
        if ticket is None:
            self.timer.stop()
            self.number.setText(self.t("none"))
            self.number.setStyleSheet(f"color: {theme.GREY};")
            self.service.setText(self.t("no_current"))
            self.elapsed.setText(self.t(hint))
            self.note.clear()
            return
        self.number.setText(ticket["number"])
        self.number.setStyleSheet(f"color: {theme.RED};")
        self.service.setText(self.t("service_of", service=self.service_name(ticket["service"])))
        notes = []
        if ticket.get("transferred_from"):
            notes.append(self.t("transferred_from",
                                service=self.service_name(ticket["transferred_from"])))
        if ticket.get("recalls"):
            notes.append(self.t("recalls", count=ticket["recalls"]))
        self.note.setText("　".join(notes))
        self._tick()
        self.timer.start()

    def _tick(self) -> None:
        called = (self.ticket or {}).get("called_at")
        if not called:
            self.elapsed.clear()
            return
        seconds = (self.now() - datetime.fromisoformat(called)).total_seconds()
        self.elapsed.setText(self.t("elapsed", time=mm_ss(seconds)))
