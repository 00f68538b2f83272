"""The log-in page: clerk id and PIN (the window opens on the displays only once logged in)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hallq.caller.pad.ui import card_style, named
from hallq.client import theme
from hallq.client.i18n import Texts


class LoginView(QWidget):
    loginRequested = Signal(str, str)  # clerk id, PIN

    def __init__(self, texts: Texts, window_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = named(QFrame(), "loginCard")
        card.setFixedWidth(560)
        card.setStyleSheet(card_style("loginCard"))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.setSpacing(20)
        self.hall = QLabel()
        self.hall.setFont(theme.font(18))
        self.hall.setStyleSheet(f"color: {theme.GREY};")
        self.hall.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hall)
        self.title = QLabel(texts("login_title", window=window_name))
        self.title.setFont(theme.font(26, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.clerk = named(QLineEdit(placeholderText=texts("clerk_hint")), "clerk")
        self.pin = named(QLineEdit(placeholderText=texts("pin_hint")), "pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.clerk, self.pin):
            edit.setFont(theme.font(22))
            edit.setMinimumHeight(64)
            layout.addWidget(edit)
        self.button = QPushButton(texts("login"))
        self.button.setProperty("role", "primary")
        self.button.setFont(theme.font(24, bold=True))
        self.button.setMinimumHeight(72)
        layout.addWidget(self.button)
        self.message = QLabel(wordWrap=True)
        self.message.setProperty("role", "error")
        self.message.setFont(theme.font(18))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.button.clicked.connect(self._submit)
        self.clerk.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.message.clear()
        self.loginRequested.emit(self.clerk.text(), self.pin.text())

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.pin.clear()

    def reset(self) -> None:
        self.clerk.clear()
        self.pin.clear()
        self.message.clear()
        self.clerk.setFocus()
