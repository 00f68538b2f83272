"""Pages that take the place of the big buttons for a moment: pick a pause reason, a service
to transfer to, a missed ticket to restore, or type a ticket number. Never modal dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.pad.ui import big_button, named
from hallq.client import theme
from hallq.client.i18n import Texts


class ChoicePage(QWidget):
    """A title, one button per choice (numbered for the keyboard: with more than nine, two
    digits choose, or one digit and Enter), and "back"."""

    chosen = Signal(str)
    back = Signal()

    def __init__(self, texts: Texts, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t, self.columns = texts, columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(wordWrap=True)
        self.title.setFont(theme.font(22, bold=True))
        layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.extra = QHBoxLayout()
        layout.addLayout(self.extra)
        self.back_button = big_button(texts("back"))
        self.back_button.clicked.connect(self.back)
        self.extra.addWidget(self.back_button)
        self.choices: list[tuple[str, QPushButton]] = []
        self.digits = ""  # typed so far, when one digit is not yet enough
        self._title = ""
        self._wait = QTimer(self, singleShot=True, interval=2000)
        self._wait.timeout.connect(self.pick_typed)

    def set_choices(self, title: str, choices: list[tuple[str, str]],
                    empty: str = "") -> None:
        """``choices``: (value, label) pairs."""
        self._title = title if choices or not empty else empty
        self.title.setText(self._title)
        self.digits = ""
        for _, button in self.choices:
            button.deleteLater()
        self.choices = []
        for i, (value, label) in enumerate(choices):
            shown = f"{i + 1}  {label}"
            button = big_button(shown, 20)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setFixedHeight(84)
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self.grid.addWidget(button, i // self.columns, i % self.columns)
            self.choices.append((value, button))

    def type_digit(self, digit: str) -> None:
        """A digit key: chooses at once when no longer number could follow."""
        self.digits += digit
        if int(self.digits) * 10 > len(self.choices) or len(self.digits) >= 2:
            self.pick_typed()
        else:
            self.title.setText(self.t("typed_choice", digits=self.digits))
            self._wait.start()

    def pick_typed(self) -> None:
        """Choose what was typed (Enter, or a pause after the first of two digits)."""
        self._wait.stop()
        typed, self.digits = self.digits, ""
        self.title.setText(self._title)
        if typed:
            self.pick_index(int(typed) - 1)

    def pick_index(self, index: int) -> bool:
        if 0 <= index < len(self.choices):
            self.chosen.emit(self.choices[index][0])
            return True
        return False


class NumberPage(QWidget):
    """Type a ticket number (letters of this window's services, then digits)."""

    confirmed = Signal(str)
    back = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t = texts
        self.typed = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setFont(theme.font(22, bold=True))
        layout.addWidget(self.title)
        self.shown = named(QLabel(), "typed")
        self.shown.setFont(theme.font(40, bold=True))
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setStyleSheet("background: white; border: 2px solid #c5d0db;"
                                 " border-radius: 10px; padding: 4px;")
        layout.addWidget(self.shown)
        self.letters = QHBoxLayout()
        layout.addLayout(self.letters)
        digits = QGridLayout()
        for i, key in enumerate("1234567890"):
            button = big_button(key, 24)
            button.clicked.connect(lambda _=False, k=key: self.type(k))
            digits.addWidget(button, i // 5, i % 5)
        layout.addLayout(digits, 1)
        row = QHBoxLayout()
        self.delete = big_button(texts("delete"))
        self.delete.clicked.connect(self.backspace)
        self.back_button = big_button(texts("back"))
        self.back_button.clicked.connect(self.back)
        self.ok = big_button("", 20, "primary")
        self.ok.clicked.connect(lambda: self.confirmed.emit(self.typed))
        for button in (self.delete, self.back_button, self.ok):
            row.addWidget(button)
        layout.addLayout(row)
        self.letter_buttons: list[QPushButton] = []

    def start(self, title: str, ok: str, prefixes: list[str], first: str = "") -> None:
        self.title.setText(title)
        self.ok.setText(ok)
        for button in self.letter_buttons:
            button.deleteLater()
        self.letter_buttons = []
        for prefix in prefixes:
            button = big_button(prefix, 24)
            button.clicked.connect(lambda _=False, k=prefix: self.type(k))
            self.letters.addWidget(button)
            self.letter_buttons.append(button)
        self.typed = ""
        self.type(first)

    def type(self, chars: str) -> None:
        self.typed = (self.typed + chars.upper())[:8]
        self.shown.setText(self.typed or self.t("enter_number"))
        self.shown.setStyleSheet(self.shown.styleSheet().replace("color: #9aa7b3;", "")
                                 + ("" if self.typed else "color: #9aa7b3;"))

    def backspace(self) -> None:
        self.typed = self.typed[:-1]
        self.type("")
