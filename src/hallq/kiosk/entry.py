"""Screens where something is typed: the appointment check-in (on-screen keyboard, or a barcode
scanner that types like a keyboard and ends with Enter) and the guide's PIN for the green
channel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.kiosk.widgets import KEYBOARD_ROWS, KeyPad, button, label

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EntryScreen(QWidget):
    """A title, a hint, one line edit, on-screen keys, a submit and a back button."""

    submitted = Signal(str)
    back = Signal()

    def __init__(self, texts: Texts, keys: tuple[str, ...], words: dict[str, str],
                 secret: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts, self.words = texts, words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 20, 60, 20)
        layout.setSpacing(10)
        self.title = label("", 34, bold=True)
        self.hint = label("", 22)
        self.edit = QLineEdit()
        self.edit.setFont(theme.font(34, bold=True))
        self.edit.setMinimumHeight(90)
        self.edit.setMaxLength(40)
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copy/paste menu
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.returnPressed.connect(self.submit)
        self.message = label("", 22, role="error")
        self._keep_room()  # an error line never pushes the keys down under a finger
        self.keypad = KeyPad(keys, "", "", pt=26, size=70)
        self.keypad.pressed.connect(self.press)
        row = QHBoxLayout()
        self.back_button = button(pt=24, height=90)
        self.submit_button = button(role="primary", pt=28, height=90)
        self.back_button.clicked.connect(self.back)
        self.submit_button.clicked.connect(self.submit)
        row.addWidget(self.back_button, 1)
        row.addWidget(self.submit_button, 2)
        for widget in (self.title, self.hint, self.edit, self.message, self.keypad):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(row)
        texts.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        t = self.texts
        self.title.setText(t(self.words["title"]))
        self.hint.setText(t(self.words["hint"]))
        self.edit.setPlaceholderText(t(self.words["placeholder"]))
        self.submit_button.setText(t(self.words["submit"]))
        self.back_button.setText(t("back"))
        self.keypad.set_words(t("delete"), t("clear"))

    def set_elderly(self, elderly: bool) -> None:
        """长者模式: larger words and larger keys (they still fit a 1080-line screen)."""
        extra = 10 if elderly else 0
        for widget, pt, bold in ((self.title, 34, True), (self.hint, 22, False),
                                 (self.edit, 34, True), (self.message, 22, False),
                                 (self.back_button, 24, False), (self.submit_button, 28, True)):
            widget.setFont(theme.font(pt + extra, bold))
        self.keypad.set_size(34 if elderly else 26, 88 if elderly else 70)
        self._keep_room()

    def _keep_room(self) -> None:
        """Room for two lines of message whether or not one shows."""
        self.message.setFixedHeight(2 * self.message.fontMetrics().lineSpacing() + 4)

    def reset(self) -> None:
        self.edit.clear()
        self.message.clear()
        self.set_busy(False)

    def press(self, key: str) -> None:
        if key == "\b":
            self.edit.backspace()
        elif key == "\x18":
            self.edit.clear()
        else:
            self.edit.insert(key)

    def type_key(self, event: QKeyEvent) -> None:
        """Keys from a scanner that reached the window instead of the line edit."""
        if event.key() in ENTER:
            self.submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self.edit.backspace()
        elif event.text().isprintable() and event.text().strip():
            self.edit.insert(event.text())

    def submit(self) -> None:
        code = self.edit.text().strip()
        if code and self.submit_button.isEnabled():
            self.message.clear()
            self.submitted.emit(code)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        if busy:
            self.message.setText(self.texts("printing"))


def checkin_screen(texts: Texts) -> EntryScreen:
    return EntryScreen(texts, KEYBOARD_ROWS, {"title": "checkin_title", "hint": "checkin_hint",
                                              "placeholder": "checkin_placeholder",
                                              "submit": "checkin"})


def pin_screen(texts: Texts) -> EntryScreen:
    return EntryScreen(texts, ("123", "456", "789", "0"),
                       {"title": "pin_title", "hint": "pin_hint",
                        "placeholder": "pin_placeholder", "submit": "confirm"}, secret=True)
