"""The pad's keyboard: F1…F8 and F10 for the buttons, Esc back, letters and digits type a
ticket number (Enter calls it), digits choose on a list."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from hallq.caller.pad.actions import KEYS, PadState, allowed
from hallq.caller.pad.pickers import ChoicePage
from hallq.caller.pad.work_view import WorkView

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyedPad(Protocol):
    """What a key needs from the pad window (which imports this module, not the reverse)."""

    work: WorkView

    def pad_state(self) -> PadState: ...

    def act(self, name: str) -> None: ...

    def open_number(self, mode: str, first: str = "") -> None: ...


def route_key(pad: KeyedPad, event: QKeyEvent) -> bool:
    """Carry out the key on the work page; False if it means nothing here."""
    w, key, text = pad.work, event.key(), event.text().strip()
    page = w.pages.currentWidget()
    typed = text.isascii() and text.isalnum()
    if key in KEYS:
        w.pages.setCurrentWidget(w.board)
        pad.act(KEYS[key])
    elif key == Qt.Key.Key_Escape:
        w.pages.setCurrentWidget(w.board)
    elif page is w.number:
        if key in ENTER:
            w.number.confirmed.emit(w.number.typed)
        elif key == Qt.Key.Key_Backspace:
            w.number.backspace()
        elif typed:
            w.number.type(text)
        else:
            return False
    elif isinstance(page, ChoicePage) and text.isdigit():
        page.type_digit(text)
    elif isinstance(page, ChoicePage) and key in ENTER and page.digits:
        page.pick_typed()
    elif page is w.missed and typed and text.isalpha():
        pad.open_number("restore", text)
    elif page is w.board and typed and "call_number" in allowed(pad.pad_state()):
        pad.open_number("call", text)
    else:
        return False
    return True
