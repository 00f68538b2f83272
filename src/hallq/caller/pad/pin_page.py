"""The page where the logged-in clerk changes the PIN: current PIN, new PIN twice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hallq.caller.pad.ui import big_button, named
from hallq.client import theme
from hallq.client.i18n import Texts


class PinPage(QWidget):
    saved = Signal(str, str, str)  # current, new, new again
    back = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t = texts
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(wordWrap=True)
        self.title.setFont(theme.font(22, bold=True))
        layout.addWidget(self.title)
        form = QGridLayout()
        form.setSpacing(12)
        self.labels: list[QLabel] = []
        self.fields: list[QLineEdit] = []
        for row, name in enumerate(("old_pin", "new_pin", "repeat_pin")):
            label = QLabel(texts(name))
            label.setFont(theme.font(18))
            field = named(QLineEdit(), name)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
            field.setFont(theme.font(22))
            field.setMinimumHeight(60)
            form.addWidget(label, row * 2, 0)
            form.addWidget(field, row * 2 + 1, 0)
            self.labels.append(label)
            self.fields.append(field)
        layout.addLayout(form)
        layout.addStretch(1)
        row_buttons = QHBoxLayout()
        self.back_button = big_button(texts("back"))
        self.back_button.clicked.connect(self.back)
        self.ok = named(big_button(texts("save_pin"), 20, "primary"), "save_pin")
        self.ok.clicked.connect(self._save)
        row_buttons.addWidget(self.back_button)
        row_buttons.addWidget(self.ok)
        layout.addLayout(row_buttons)
        for i, field in enumerate(self.fields):
            following = self.fields[i + 1] if i + 1 < len(self.fields) else None
            field.returnPressed.connect(following.setFocus if following else self._save)

    def start(self, clerk: str) -> None:
        self.title.setText(self.t("pin_title", clerk=clerk))
        for field in self.fields:
            field.clear()
        self.fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        for label, name in zip(self.labels, ("old_pin", "new_pin", "repeat_pin"), strict=True):
            label.setText(self.t(name))
        self.ok.setText(self.t("save_pin"))
        self.back_button.setText(self.t("back"))

    def _save(self) -> None:
        self.saved.emit(*(field.text() for field in self.fields))
