"""An on-screen keyboard for the comment on a touch-only rating pad: common phrases in the
pad's language, letters (in Chinese, pinyin by default: the row above the keys offers what the
letters may mean; the 拼音 key switches to plain letters), digits, space and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.rating.candidates import CandidateBar
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
        self.top = QStackedWidget()  # the phrases, or the pinyin row while letters are spelled
        self.phrase_page = QWidget()
        self.phrases = QGridLayout(self.phrase_page)
        self.phrases.setContentsMargins(0, 0, 0, 0)
        self.phrases.setSpacing(4)
        self.bar = CandidateBar()
        self.bar.chosen.connect(self._insert)
        self.top.addWidget(self.phrase_page)
        self.top.addWidget(self.bar)
        layout.addWidget(self.top)
        self.phrase_keys: list[QPushButton] = []
        for row in ROWS:
            line = QHBoxLayout()
            line.setSpacing(4)
            for char in row:
                button = key(char)
                button.clicked.connect(lambda _=False, c=char: self.letter(c))
                line.addWidget(button)
            layout.addLayout(line)
        last = QHBoxLayout()
        self.pinyin = key("")
        self.pinyin.setCheckable(True)
        self.pinyin.setProperty("role", "reason")  # shown ticked while it is on
        self.pinyin.clicked.connect(self._switch)
        self.space = key("")
        self.space.clicked.connect(self._space)
        self.delete = key("")
        self.delete.clicked.connect(self._delete)
        self.done = key("")
        self.done.clicked.connect(self._done)
        last.addWidget(self.pinyin, 1)
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
        self.pinyin.setText(self.texts("pinyin"))
        chinese = self.texts.language == "zh"
        self.pinyin.setVisible(chinese)
        self.pinyin.setChecked(chinese)  # Chinese is typed in pinyin unless switched off
        self.bar.settle()  # letters spelled before the language changed stay typed
        self.top.setCurrentWidget(self.phrase_page)

    def reset(self) -> None:
        """Forget letters being spelled (a new citizen)."""
        self.bar.spell("")
        self.top.setCurrentWidget(self.phrase_page)

    def letter(self, char: str) -> None:
        if not self.pinyin.isChecked():
            self.type(char)
            return
        self.bar.add(char)
        self._touched()

    def type(self, text: str) -> None:
        """Type a phrase, a digit, a space or a plain letter (letters being spelled first)."""
        self.bar.settle()
        if len(text) > 1 and self.target.text() and self.target.text()[-1:] not in " ,，":
            text = ("，" if self.texts.language == "zh" else ", ") + text  # between phrases
        self._insert(text)

    def settle(self) -> None:
        """Type the letters being spelled as they are (the comment is about to be sent)."""
        self.bar.settle()

    def _insert(self, text: str) -> None:
        self.target.insert(text)
        self._touched()

    def _touched(self) -> None:
        self.top.setCurrentWidget(self.bar if self.bar.letters else self.phrase_page)
        self.target.textEdited.emit(self.target.text())  # a touch, as typing is

    def _space(self) -> None:
        if self.bar.letters:
            self.bar.choose(0)  # the first candidate, as in a desktop input method
        else:
            self.type(" ")

    def _delete(self) -> None:
        if self.bar.letters:
            self.bar.drop()
        else:
            self.target.backspace()
        self._touched()

    def _switch(self) -> None:
        self.bar.settle()
        self._touched()

    def _done(self) -> None:
        self.bar.settle()
        self.closed.emit()
