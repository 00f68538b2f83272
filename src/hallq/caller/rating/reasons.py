"""After 不满意 / 非常不满意: the reasons (multi-select) and an optional comment (9.2, 9.5);
then the thanks, or a plain notice when the rating could not be taken."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.rating.keyboard import CommentKeyboard
from hallq.caller.rating.screens import label, sized
from hallq.client.i18n import Texts

COLUMNS = 3


class ReasonsScreen(QWidget):
    submitted = Signal(list, str)  # reasons, comment
    back = Signal()
    touched = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.score = 0
        self.title = label(26, True, "reasonsTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        self.buttons: list[QPushButton] = []
        self.english: list[str] = []
        self.comment = QLineEdit()
        self.comment.setObjectName("comment")
        self.comment.setMaxLength(500)
        sized(self.comment, 20)
        self.comment.textEdited.connect(self.touched)
        self.comment.installEventFilter(self)  # a tap on it opens the on-screen keyboard
        self.keyboard = CommentKeyboard(texts, self.comment)
        self.keyboard.hide()
        self.keyboard.closed.connect(lambda: self.show_keyboard(False))
        self.tried = False  # the citizen touched this screen: now a missing reason is said
        self.hint = label(20, name="reasonsHint")
        self.hint.setProperty("role", "error")
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.submit = QPushButton()
        self.submit.setProperty("role", "primary")
        self.submit.clicked.connect(self._submit)
        for button in (self.back_button, self.submit):
            sized(button, 24, True)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button, 1)
        actions.addWidget(self.submit, 2)
        layout = self.box = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addLayout(self.grid, 4)
        layout.addSpacing(16)
        layout.addWidget(self.comment)
        layout.addWidget(self.keyboard, 6)  # the room the reasons leave while it is shown
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addLayout(actions)

    def set_reasons(self, reasons: list[str], english: list[str] | None = None) -> None:
        """The hall's reasons (what is stored, in Chinese) and their English names, one for one
        (shown when the pad is in English; the Chinese ones otherwise or when there are none)."""
        self.english = list(english or []) if len(english or []) == len(reasons) else []
        for button in self.buttons:
            button.hide()
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for i, reason in enumerate(reasons):
            button = QPushButton(reason)
            button.setProperty("reason", reason)
            button.setCheckable(True)
            button.setProperty("role", "reason")
            sized(button, 22)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.toggled.connect(self._changed)
            self.grid.addWidget(button, i // COLUMNS, i % COLUMNS)
            self.buttons.append(button)
        self._changed()

    def start(self, score: int) -> None:
        self.score = score
        self.tried = False
        self.show_keyboard(False)
        self.keyboard.reset()
        self.comment.clear()
        for button in self.buttons:
            button.setChecked(False)
        self.refresh()

    def chosen(self) -> list[str]:
        return [str(b.property("reason")) for b in self.buttons if b.isChecked()]

    def _changed(self) -> None:
        self.tried = self.tried or any(b.isChecked() for b in self.buttons)
        self.touched.emit()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment and event.type() == QEvent.Type.MouseButtonPress:
            self.show_keyboard(True)
            self.touched.emit()
        return super().eventFilter(watched, event)

    def show_keyboard(self, shown: bool) -> None:
        """The keyboard takes the place of the reasons (a 1280x800 pad has room for one)."""
        self.keyboard.setVisible(shown)
        for button in self.buttons:
            button.setVisible(not shown)
        self.box.setStretchFactor(self.grid, 0 if shown else 4)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap beside the reasons, or on the greyed 提交: now say what is missing."""
        self.tried = True
        self.touched.emit()
        self.refresh()
        super().mousePressEvent(event)

    def refresh(self) -> None:
        t = self.texts
        self.title.setText(t("reasons"))
        self.comment.setPlaceholderText(t("comment"))
        self.back_button.setText(t("back"))
        self.submit.setText(t("submit"))
        for i, button in enumerate(self.buttons):
            english = t.language == "en" and i < len(self.english)
            button.setText(self.english[i] if english else str(button.property("reason")))
        ready = bool(self.chosen()) or not self.buttons
        self.submit.setEnabled(ready)
        self.hint.setText("" if ready or not self.tried else t("pick_reason"))
        self.hint.setVisible(bool(self.hint.text()))
        if self.keyboard.property("language") != t.language:
            self.keyboard.setProperty("language", t.language)
            self.keyboard.retranslate()

    def show_error(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy and (bool(self.chosen()) or not self.buttons))
        self.submit.setText(self.texts("sending" if busy else "submit"))

    def _submit(self) -> None:
        self.keyboard.settle()  # letters still being spelled are part of the comment
        self.submitted.emit(self.chosen(), self.comment.text())


class ThanksScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label(56, True, "thanks")
        self.detail = label(30, name="thanksDetail")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_text(self, title: str, detail: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
