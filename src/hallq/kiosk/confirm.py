"""After printing: the number very large, the service, the windows and how many are ahead.
Back home after a few seconds, or at once on a tap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.kiosk.widgets import button, label


class ConfirmScreen(QWidget):
    finished = Signal()

    def __init__(self, texts: Texts, seconds: float = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts, self.seconds = texts, max(1, int(seconds))
        self.ticket: dict[str, Any] = {}
        self.service_names: dict[str, str] = {}
        self.windows: dict[str, str] = {}
        self.left = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 24)
        layout.setSpacing(10)
        self.caption = label("", 30)
        self.number = label("", 110, bold=True, wrap=False)  # 150 pt on a tall screen
        self.number.setObjectName("ticketNumber")
        self.priority = label("", 26, bold=True)
        self.service = label("", 36, bold=True)
        self.go_to = label("", 30)
        self.ahead = label("", 30)
        self.take = label("", 24)
        self.countdown = label("", 18)
        for widget in (self.caption, self.number, self.priority, self.service, self.go_to,
                       self.ahead, self.take):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.done = button(role="secondary", pt=26, height=100, width=360)
        self.done.clicked.connect(self.finish)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        texts.languageChanged.connect(lambda _: self.retranslate())

    def set_elderly(self, elderly: bool) -> None:
        """长者模式: every line of the confirmation larger (the number is large anyway)."""
        extra = 12 if elderly else 0
        for widget, pt, bold in ((self.caption, 30, False), (self.priority, 26, True),
                                 (self.service, 36, True), (self.go_to, 30, False),
                                 (self.ahead, 30, False), (self.take, 24, False),
                                 (self.countdown, 18, False), (self.done, 26, True)):
            widget.setFont(theme.font(pt + extra, bold))

    def show_ticket(self, ticket: dict[str, Any], service_names: dict[str, str],
                    windows: dict[str, str]) -> None:
        self.ticket, self.service_names, self.windows = ticket, service_names, windows
        self.left = self.seconds
        self.retranslate()
        self.timer.start()

    def retranslate(self) -> None:
        t, ticket = self.texts, self.ticket
        if not ticket:
            return
        self.caption.setText(t("your_number"))
        self.number.setText(str(ticket["number"]))
        if ticket.get("priority_reason") == "appointment":
            mark = t("appointment_ticket", slot=ticket.get("appointment_slot") or "").strip()
        else:
            mark = t("priority_ticket")
        self.priority.setText(mark if ticket.get("priority") else "")
        self.priority.setVisible(bool(ticket.get("priority")))
        self.service.setText(self.service_names.get(t.language, ""))
        self.go_to.setText(t("go_to", windows=self.windows.get(t.language) or
                             t("windows_unknown")))
        ahead = int(ticket.get("waiting_ahead") or 0)
        self.ahead.setText(t("ahead", count=ahead) if ahead else t("ahead_none"))
        self.take.setText(t("take_ticket"))
        self.done.setText(t("done"))
        self.countdown.setText(t("back_in", seconds=self.left))

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.finish()
        else:
            self.countdown.setText(self.texts("back_in", seconds=self.left))

    def finish(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.finished.emit()

    def stop(self) -> None:
        self.timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.number.setFont(theme.font(150 if event.size().height() >= 950 else 110, bold=True))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.finish()
