"""An on-screen keyboard for the comment on a touch-only rating pad: common phrases in the
pad's language (Chinese without an input method), letters, digits, space and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.rating.screens import sized
from hallq.client.i18n import Texts

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


def key(text: str, pt: int = 16) -> QPushButton:
    button = sized(QPushButton(text), pt)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the comment keeps the cursor
    button.setMinimumHeight(34)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


class CommentKeyboard(QWidget):
    """Types into ``target``; each key tap counts as a touch (the pad's timeout restarts)."""

    closed = Signal()

    def __init__(self, texts: Texts, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentKeyboard")
        # smaller keys than the theme's 60 px buttons, so the keyboard fits a 1280x800 pad
        self.setStyleSheet("QPushButton { min-height: 34px; min-width: 30px; padding: 2px; }")
        self.texts, self.target = texts, target
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.phrases = QGridLayout()
        self.phrases.setSpacing(4)
        layout.addLayout(self.phrases)
        self.phrase_keys: list[QPushButton] = []
        for row in ROWS:
            line = QHBoxLayout()
            line.setSpacing(4)
            for char in row:
                button = key(char)
                button.clicked.connect(lambda _=False, c=char: self.type(c))
                line.addWidget(button)
            layout.addLayout(line)
        last = QHBoxLayout()
        self.space = key("")
        self.space.clicked.connect(lambda: self.type(" "))
        self.delete = key("")
        self.delete.clicked.connect(self.target.backspace)
        self.done = key("")
        self.done.clicked.connect(self.closed)
        last.addWidget(self.space, 4)
        last.addWidget(self.delete, 1)
        last.addWidget(self.done, 1)
        layout.addLayout(last)
        self.retranslate()

    def retranslate(self) -> None:
        for button in self.phrase_keys:
            button.deleteLater()
        self.phrase_keys = []
        for i, phrase in enumerate(self.texts("phrases").split("|")):
            button = key(phrase, 14)
            button.setProperty("role", "reason")
            button.clicked.connect(lambda _=False, p=phrase: self.type(p))
            self.phrases.addWidget(button, 0, i)  # one row
            self.phrase_keys.append(button)
        self.space.setText(self.texts("space"))
        self.delete.setText(self.texts("delete"))
        self.done.setText(self.texts("keyboard_done"))

    def type(self, text: str) -> None:
        if len(text) > 1 and self.target.text() and self.target.text()[-1:] not in " ,，":
            text = ("，" if self.texts.language == "zh" else ", ") + text  # between phrases
        self.target.insert(text)
        self.target.textEdited.emit(self.target.text())  # a touch, as typing is
