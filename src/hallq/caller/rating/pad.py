"""The rating pad's window: a thin view over the shared client, driven by ``RatingFlow``."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from hallq.caller.rating.flow import RatingFlow
from hallq.caller.rating.photos import PhotoFetcher
from hallq.caller.rating.reasons import ReasonsScreen, ThanksScreen
from hallq.caller.rating.screens import AskScreen, WindowScreen, label, rescale, sized
from hallq.caller.rating.settings import PadSettings
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts, error_text
from hallq.client.names import local_name

STYLE = """
QPushButton[level="5"] { background: #1b5e20; color: white; border-color: #1b5e20; }
QPushButton[level="4"] { background: #43a047; color: white; border-color: #43a047; }
QPushButton[level="3"] { background: #0d47a1; color: white; border-color: #0d47a1; }
QPushButton[level="2"] { background: #ef6c00; color: white; border-color: #ef6c00; }
QPushButton[level="1"] { background: #b71c1c; color: white; border-color: #b71c1c; }
QPushButton[role="reason"]:checked { background: #b71c1c; color: white; border-color: #b71c1c; }
QPushButton[level] { min-height: 150px; }
QPushButton#language { min-height: 60px; padding: 0 20px; }
QPushButton[role="reason"] { padding: 4px 10px; }
QFrame#card { background: white; border-radius: 24px; border: 1px solid #d5dee7; }
QFrame#card QLabel { background: white; }
QFrame#card QLabel#windowName { background: #0d47a1; color: white; padding: 12px;
                    border-top-left-radius: 22px; border-top-right-radius: 22px; }
QLabel#hallName { color: #546e7a; }
QLabel#clerkName { color: #0d47a1; }
QLabel#closed { color: #b71c1c; }
"""


class RatingPad(QWidget):
    def __init__(self, client: HallClient, window: str, settings: PadSettings, texts: Texts,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.texts = client, texts
        self.flow = RatingFlow(client, window, settings, self)
        self.setStyleSheet(STYLE)
        self.offline = label(20, name="offline")
        self.offline.setProperty("role", "offline")
        self.hall = label(18, name="hallName")
        self.language = sized(QPushButton(), 16)
        self.language.setObjectName("language")
        self.language.clicked.connect(texts.toggle)
        self.window_screen = WindowScreen(texts, settings, photos=PhotoFetcher(client, self))
        self.ask = AskScreen(texts)
        self.reasons = ReasonsScreen(texts)
        self.reasons.set_reasons(self.flow.reasons, self.flow.reasons_en)
        self.thanks = ThanksScreen()
        self.stack = QStackedWidget()
        for screen in (self.window_screen, self.ask, self.reasons, self.thanks):
            self.stack.addWidget(screen)
        top = QHBoxLayout()
        top.addWidget(self.hall, 1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 10, 28, 16)
        layout.addWidget(self.offline)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._wire()
        self.refresh()
        self._online(client.online)

    def _wire(self) -> None:
        flow = self.flow
        flow.windowChanged.connect(self._window)
        flow.asking.connect(self._asking)
        flow.thanked.connect(self._thanked)
        flow.refused.connect(self._refused)
        flow.busyChanged.connect(self.ask.set_busy)
        flow.busyChanged.connect(self.reasons.set_busy)
        flow.reasonsChanged.connect(
            lambda reasons: self.reasons.set_reasons(reasons, self.flow.reasons_en))
        flow.done.connect(lambda: self.stack.setCurrentWidget(self.window_screen))
        self.ask.chosen.connect(self._chosen)
        self.reasons.back.connect(lambda: self.stack.setCurrentWidget(self.ask))
        self.reasons.touched.connect(flow.touch)
        self.reasons.submitted.connect(
            lambda reasons, comment: flow.submit(self.reasons.score, reasons, comment))
        self.client.onlineChanged.connect(self._online)
        self.client.snapshotChanged.connect(lambda _s: self.refresh())
        self.texts.languageChanged.connect(lambda _l: self.refresh())

    def refresh(self) -> None:
        hall = self.client.snapshot.get("hall") or {}
        self.hall.setText(local_name(hall, self.texts.language))
        self.language.setText(self.texts("language"))
        self.setWindowTitle(self.texts("title"))
        self.offline.setText(error_text("offline", self.texts.language, ""))
        self.window_screen.refresh()
        self.ask.refresh()
        self.reasons.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        factor = max(0.75, min(1.6, event.size().width() / 1280, event.size().height() / 800))
        rescale(self, factor)
        self.window_screen.avatar.set_box(round(240 * factor), round(320 * factor))
        super().resizeEvent(event)

    def _online(self, online: bool) -> None:
        self.offline.setVisible(not online)

    def _window(self, state: dict[str, Any]) -> None:
        self.window_screen.show_window(state)

    def _asking(self, ticket: dict[str, Any]) -> None:
        self.ask.show_ticket(ticket, self.flow.window_state().get("clerk") or {})
        self.stack.setCurrentWidget(self.ask)

    def _chosen(self, score: int) -> None:
        self.flow.touch()
        if score <= 2:
            self.reasons.start(score)
            self.stack.setCurrentWidget(self.reasons)
        else:
            self.flow.submit(score, [], "")

    def _thanked(self, score: int) -> None:
        level = self.texts(f"score_{score}")
        self.thanks.show_text(self.texts("thanks"), self.texts("thanks_detail", level=level))
        self.stack.setCurrentWidget(self.thanks)

    def _refused(self, code: str, message: str, final: bool) -> None:
        text = error_text(code, self.texts.language, message or code)
        if final:
            self.thanks.show_text(text, "")
            self.stack.setCurrentWidget(self.thanks)
        elif self.stack.currentWidget() is self.reasons:
            self.reasons.show_error(text)
        else:
            self.ask.error.setText(text)
