"""The pinyin row of the comment keyboard: the letters tapped so far and what they may mean.

Tap a candidate to type it; the letters it does not stand for stay (fuwutaidu: 服务, then
态度). Space types the first candidate; any other key first types the letters as they are,
as Enter does in a desktop input method."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from hallq.caller.rating.pinyin import Candidate, Pinyin
from hallq.caller.rating.screens import sized

SHOWN = 7  # candidates on the row (a 1280x800 pad)
LONGEST = 24  # letters kept (a spelling longer than a phrase is a slip)


class CandidateBar(QWidget):
    chosen = Signal(str)  # the text to type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidateBar")
        self.letters = ""
        self.found: list[Candidate] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.spelling = sized(QLabel(), 16)
        self.spelling.setObjectName("spelling")
        self.spelling.setMinimumWidth(120)
        row.addWidget(self.spelling)
        self.keys: list[QPushButton] = []
        for i in range(SHOWN):
            button = sized(QPushButton(), 16)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the comment keeps the cursor
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setProperty("role", "reason")
            button.clicked.connect(lambda _=False, n=i: self.choose(n))
            row.addWidget(button, 1)
            self.keys.append(button)

    def spell(self, letters: str) -> None:
        self.letters = letters.lower()[:LONGEST]
        self.found = Pinyin.shipped().candidates(self.letters, SHOWN) if self.letters else []
        self.spelling.setText(self.letters)
        for i, button in enumerate(self.keys):
            button.setText(self.found[i].text if i < len(self.found) else "")
            button.setEnabled(i < len(self.found))

    def add(self, letter: str) -> None:
        self.spell(self.letters + letter)

    def drop(self) -> None:
        self.spell(self.letters[:-1])

    def choose(self, n: int = 0) -> None:
        """Type candidate ``n`` and keep the letters it does not stand for."""
        if n < len(self.found):
            candidate = self.found[n]
            self.spell(self.letters[candidate.spelled:])
            self.chosen.emit(candidate.text)

    def settle(self) -> None:
        """Type the letters as they are (before another key, or when the keyboard goes)."""
        letters = self.letters
        self.spell("")
        if letters:
            self.chosen.emit(letters)
