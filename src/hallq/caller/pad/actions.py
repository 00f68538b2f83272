"""The big buttons, each with its function key, enabled only when it makes sense."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from hallq.caller.pad.ui import FitButton, big_button, named
from hallq.client import theme
from hallq.client.i18n import Texts

# action, its function key, its button role (colour)
ACTIONS = (("next", "F1", "primary"), ("recall", "F2", "secondary"), ("skip", "F3", ""),
           ("finish", "F4", "good"), ("transfer", "F5", ""), ("call_number", "F6", ""),
           ("restore", "F7", ""), ("pause", "F8", ""))
KEYS = {getattr(Qt.Key, f"Key_{key}"): name for name, key, _ in ACTIONS} | {
    Qt.Key.Key_F10: "logout"}


@dataclass(frozen=True)
class PadState:
    online: bool
    logged_in: bool
    paused: bool
    serving: bool
    busy: bool = False


def allowed(state: PadState) -> set[str]:
    """The actions that make sense now (the server would refuse the others)."""
    if not state.online or not state.logged_in:
        return set()
    if state.paused:
        return {"pause", "restore", "logout"}  # "pause" is "继续服务" now
    if state.serving:
        return {"next", "recall", "skip", "finish", "transfer", "call_number", "restore"}
    return {"next", "call_number", "restore", "pause", "logout"}


class ActionGrid(QWidget):
    triggered = Signal(str)

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.t = texts
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(14)
        self.buttons: dict[str, FitButton] = {}
        for i, (name, _key, role) in enumerate(ACTIONS):
            button = named(big_button("", 26 if name == "next" else 22, role), name)
            button.setMinimumHeight(88)
            button.clicked.connect(lambda _=False, n=name: self.triggered.emit(n))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        # why 暂停 and 退出 are grey while a ticket is served (a touch on them does nothing)
        self.why = named(QLabel(wordWrap=True), "why_disabled")
        self.why.setFont(theme.font(16))
        self.why.setStyleSheet(f"color: {theme.GREY};")
        grid.addWidget(self.why, len(ACTIONS) // 2, 0, 1, 2)
        self.show_state(PadState(False, False, False, False), 0)

    def scale(self, factor: float) -> None:
        for name, button in self.buttons.items():
            button.set_size(round((26 if name == "next" else 22) * factor))

    def show_state(self, state: PadState, missed: int, serving: str = "") -> None:
        """``serving``: the number being served (F1 finishes it before calling the next)."""
        ok = allowed(state)
        self.why.setText(self.t("why_disabled", number=serving) if state.serving and serving
                         and state.online else "")
        self.why.setVisible(bool(self.why.text()))
        for name, key, _role in ACTIONS:
            text_key = "resume" if name == "pause" and state.paused else name
            if name == "next" and state.serving:
                text_key = "next_serving"
            if name == "restore" and missed:
                text_key = "restore_count"
            self.buttons[name].setText(self.t(text_key, fkey=key, count=missed))
            self.buttons[name].setEnabled(name in ok)
        pause = self.buttons["pause"]
        if pause.property("role") != ("good" if state.paused else ""):
            pause.setProperty("role", "good" if state.paused else "")  # 继续服务 stands out
            pause.style().unpolish(pause)
            pause.style().polish(pause)
