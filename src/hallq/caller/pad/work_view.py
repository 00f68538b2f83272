"""The page a logged-in clerk works on: who and what state at the top, the ticket being served
and the figures on the left, the big buttons (or a picker in their place) on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.pad.actions import ActionGrid
from hallq.caller.pad.figures import TodayPanel, WaitingPanel
from hallq.caller.pad.pickers import ChoicePage, NumberPage
from hallq.caller.pad.pin_page import PinPage
from hallq.caller.pad.session import PadSession
from hallq.caller.pad.ticket_card import TicketCard
from hallq.caller.pad.ui import big_button, named
from hallq.client import theme
from hallq.client.i18n import Texts


class WorkView(QWidget):
    def __init__(self, texts: Texts, session: PadSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        header = QHBoxLayout()
        self.who = named(QLabel(), "who")
        self.who.setFont(theme.font(22, bold=True))
        self.state = named(QLabel(), "state")
        self.state.setFont(theme.font(18, bold=True))
        self.logout = named(QPushButton(texts("logout")), "logout")
        self.logout.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout.setFont(theme.font(16))
        header.addWidget(self.who)
        header.addSpacing(16)
        header.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addStretch(1)
        self.change_pin = named(QPushButton(texts("change_pin")), "change_pin")
        self.change_pin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.change_pin.setFont(theme.font(16))
        header.addWidget(self.change_pin)
        header.addWidget(self.logout)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(16)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        self.ticket = TicketCard(texts, session.now, session.service_name)
        self.waiting = WaitingPanel(texts)
        self.today = TodayPanel(texts)
        left.addWidget(self.ticket, 1)
        figures = QHBoxLayout()
        figures.setSpacing(12)
        figures.addWidget(self.waiting, 1)
        figures.addWidget(self.today, 1)
        left.addLayout(figures, 1)
        column = QWidget()
        column.setLayout(left)
        body.addWidget(column, 5)

        self.pages = QStackedWidget()
        self.board = ActionGrid(texts)
        self.reasons = ChoicePage(texts)
        self.services = ChoicePage(texts)
        self.missed = ChoicePage(texts, columns=2)  # each line: number, service, time
        self.type_missed = big_button(texts("type_number"))
        self.missed.extra.addWidget(self.type_missed)
        self.number = NumberPage(texts)
        self.pin = PinPage(texts)
        for page in (self.board, self.reasons, self.services, self.missed, self.number,
                     self.pin):
            self.pages.addWidget(page)
        for part in (column, self.pages):  # the stretch factors alone decide the widths
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        body.addWidget(self.pages, 4)
        outer.addLayout(body, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Bigger screens get a bigger ticket number (1280x800 is the usual pad)."""
        factor = max(1.0, min(event.size().height() / 800, 1.5))
        for part in (self.ticket, self.waiting, self.today, self.board):
            part.scale(factor)
        super().resizeEvent(event)

    def show_state(self, who: str, state: str, paused: bool) -> None:
        self.who.setText(who)
        self.state.setText(state)
        colour = "#ff8f00" if paused else theme.GREEN
        self.state.setStyleSheet(f"background: {colour}; color: white; border-radius: 8px;"
                                 " padding: 4px 12px;")
