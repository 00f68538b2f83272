"""The caller pad's window: log-in or work page, an offline banner, a status line, and the
keyboard (F1…F8, F10, letters and digits type a ticket number)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.pad.actions import PadState, allowed
from hallq.caller.pad.commands import PadCommands
from hallq.caller.pad.keys import route_key
from hallq.caller.pad.labels import missed_label, transfer_label
from hallq.caller.pad.login_view import LoginView
from hallq.caller.pad.session import PadSession
from hallq.caller.pad.ui import named
from hallq.caller.pad.work_view import WorkView
from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.client.names import local_name, reason_label, window_pause_reason

# the theme colours buttons by role; a disabled one must look disabled whatever its role
UNDO_MS = 30_000  # how long a no-show can be undone from the status line
STYLE = """QPushButton:disabled, QPushButton[role]:disabled { color: #9aa7b3; background: #eceff1;
  border-color: #d5dde4; }"""


class PadWindow(QWidget):
    def __init__(self, session: PadSession, texts: Texts, pause_reasons: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.s, self.t, self.reasons = session, texts, pause_reasons
        self.commands = PadCommands(session)
        self.setWindowTitle(texts("title"))
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        self.banner = named(QLabel(texts("offline_banner")), "offline")
        self.banner.setProperty("role", "offline")
        self.banner.setFont(theme.font(20, bold=True))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.login = LoginView(texts, "")
        self.work = WorkView(texts, session)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.work)
        layout.addWidget(self.stack, 1)
        self.status = named(QLabel(wordWrap=True), "status")
        self.status.setFont(theme.font(20, bold=True))
        self.status.setMinimumHeight(44)
        self.language = named(QPushButton(texts("switch_language")), "language")
        self.language.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language.setFont(theme.font(14))
        self.undo = named(QPushButton(texts("undo_skip")), "undo_skip")
        self.undo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo.setFont(theme.font(16, bold=True))
        self.undo.hide()
        self.undo_timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self.undo_timer.timeout.connect(self.undo.hide)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo)
        bottom.addWidget(self.language)
        layout.addLayout(bottom)
        self._wire()
        self.refresh()

    def _wire(self) -> None:
        s, w, c = self.s, self.work, self.commands
        s.changed.connect(self.refresh)
        s.todayChanged.connect(w.today.show_today)
        s.missedChanged.connect(lambda _missed: self._missed_changed())
        s.said.connect(self.say)
        self.language.clicked.connect(self.t.toggle)
        self.t.languageChanged.connect(lambda _language: self.retranslate())
        self.login.loginRequested.connect(c.login)
        w.board.triggered.connect(self.act)
        w.logout.clicked.connect(lambda: self.act("logout"))
        w.reasons.chosen.connect(lambda reason: self._then_actions(c.pause, reason))
        w.services.chosen.connect(lambda code: self._then_actions(c.transfer, code))
        w.missed.chosen.connect(lambda number: self._then_actions(c.restore, number))
        w.type_missed.clicked.connect(lambda: self.open_number("restore"))
        w.number.confirmed.connect(self._confirm_number)
        w.change_pin.clicked.connect(self.open_pin)
        w.pin.saved.connect(lambda old, new, again: c.change_pin(
            old, new, again, self.to_board))
        s.skipUndoable.connect(self._undoable)
        self.undo.clicked.connect(c.undo_skip)
        for page in (w.reasons, w.services, w.missed, w.number, w.pin):
            page.back.connect(self.to_board)
        self.number_mode = "call"
        self.queued: list[str] = []  # pressed while the last command was on its way
        self.last_action = ""

    # ---- what the pad shows --------------------------------------------------------------
    def pad_state(self) -> PadState:
        return PadState(self.s.client.online, self.s.logged_in, self.s.status == "paused",
                        self.s.current is not None, self.s.busy)

    def refresh(self) -> None:
        state, window = self.pad_state(), self.s.window or {}
        name = local_name(window, self.t.language) or self.s.window_id
        self.banner.setVisible(not state.online)
        self.login.title.setText(self.t("login_title", window=name))
        hall = self.s.client.snapshot.get("hall") or {}
        self.login.hall.setText(local_name(hall, self.t.language))
        self.login.button.setEnabled(state.online and not state.busy)
        page = self.work if state.logged_in else self.login
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            self.work.pages.setCurrentWidget(self.work.board)
            if page is self.login:
                self.login.reset()
            else:
                self.setFocus()  # keys go to the pad, not to a hidden input
        clerk = window.get("clerk") or {}
        reason = window_pause_reason(window, self.t.language)
        self.work.show_state(
            self.t("header", window=name, clerk=clerk.get("name", ""),
                   job=clerk.get("job_number", "")),
            self.t("state_paused", reason=reason) if state.paused else self.t("state_open"),
            state.paused)
        current = self.s.current
        if current != self.work.ticket.ticket or current is None:
            self.work.ticket.show_ticket(current, "press_resume" if state.paused
                                         else "press_next")
        self.work.waiting.show_counts([(self.s.service_name(s["code"]), s["prefix"], n)
                                       for s, n in self.s.waiting()])
        self.work.board.show_state(state, len(self.s.missed),
                                   str((current or {}).get("number") or ""))
        self.work.logout.setEnabled("logout" in allowed(state))
        self.work.change_pin.setEnabled(state.online and state.logged_in)
        if current is not None or not state.logged_in:
            self.undo.hide()
        if self.work.pages.currentWidget() is self.work.services and not state.serving:
            self.work.pages.setCurrentWidget(self.work.board)
        if self.queued and not state.busy:
            name = self.queued.pop(0)
            QTimer.singleShot(0, lambda: self.act(name))

    def retranslate(self) -> None:
        """Every word again in the language just chosen (what refresh() does not redo)."""
        t, login, w = self.t, self.login, self.work
        self.setWindowTitle(t("title"))
        self.banner.setText(t("offline_banner"))
        self.language.setText(t("switch_language"))
        login.clerk.setPlaceholderText(t("clerk_hint"))
        login.pin.setPlaceholderText(t("pin_hint"))
        login.button.setText(t("login"))
        w.logout.setText(t("logout"))
        w.type_missed.setText(t("type_number"))
        w.waiting.title.setText(t("waiting_title"))
        w.today.title.setText(t("today_title"))
        w.today.show_today(w.today.last)
        w.number.delete.setText(t("delete"))
        w.change_pin.setText(t("change_pin"))
        w.pin.retranslate()
        self.undo.setText(t("undo_skip"))
        for page in (w.reasons, w.services, w.missed, w.number):
            page.back_button.setText(t("back"))
        w.pages.setCurrentWidget(w.board)  # an open picker's title was in the other language
        self.status.clear()
        w.ticket.ticket = {}  # shown again below
        self.refresh()

    def say(self, kind: str, text: str) -> None:
        if kind == "error" and not self.s.logged_in:
            self.login.show_error(text)  # on the card, where the clerk is looking
            self.status.clear()
            return
        colour = theme.RED if kind == "error" else theme.GREEN
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)

    # ---- what the clerk does -------------------------------------------------------------
    def act(self, name: str) -> None:
        state, c, w = self.pad_state(), self.commands, self.work
        if name not in allowed(state):
            if name in ("pause", "logout") and state.serving and state.online:
                self.say("error", self.t("why_disabled", number=self.s.current["number"]
                                         if self.s.current else ""))
            return
        if state.busy:  # one command at a time: a double tap is dropped, other presses wait
            if name != (self.queued or [self.last_action])[-1]:
                self.queued.append(name)
            return
        self.last_action = name
        simple = {"next": c.call_next, "recall": c.recall, "skip": c.skip,
                  "finish": c.finish, "logout": c.logout}
        if name in simple:
            simple[name]()
        elif name == "pause" and state.paused:
            c.resume()
        elif name == "pause":
            hall = self.s.client.snapshot.get("hall") or {}
            reasons = self.reasons or [str(r) for r in hall.get("pause_reasons") or []]
            w.reasons.set_choices(self.t("pick_reason"),
                                  [(r, reason_label(r, hall, self.t.language)) for r in reasons])
            w.pages.setCurrentWidget(w.reasons)
        elif name == "transfer":
            here = (self.s.current or {}).get("service")
            w.services.set_choices(
                self.t("pick_service", number=(self.s.current or {}).get("number", "")),
                [(s["code"], transfer_label(s, self.s.client.snapshot, self.t))
                 for s in self.s.services
                 if s["code"] != here])
            w.pages.setCurrentWidget(w.services)
        elif name == "call_number":
            self.open_number("call")
        elif name == "restore":
            self.s.refresh_missed()
            self._fill_missed()
            w.pages.setCurrentWidget(w.missed)

    def _fill_missed(self) -> None:
        self.work.missed.set_choices(
            self.t("pick_missed"), [(t["number"], missed_label(t, self.s.service_name, self.t))
                                    for t in self.s.missed], self.t("no_missed"))

    def _missed_changed(self) -> None:
        if self.work.pages.currentWidget() is self.work.missed:
            self._fill_missed()  # the list on screen follows the server's answer
        self.refresh()

    def to_board(self) -> None:
        self.work.pages.setCurrentWidget(self.work.board)
        self.setFocus()  # keys go to the pad again, not to a hidden input

    def open_pin(self) -> None:
        clerk = (self.s.window or {}).get("clerk") or {}
        self.work.pin.start(clerk.get("name", ""))
        self.work.pages.setCurrentWidget(self.work.pin)

    def _undoable(self, number: str) -> None:
        self.undo.setVisible(bool(number))
        if number:
            self.undo.setText(f"{self.t('undo_skip')} {number}")
            self.undo_timer.start()

    def _then_actions(self, command: Callable[[str], None], value: str) -> None:
        self.work.pages.setCurrentWidget(self.work.board)
        command(value)

    def open_number(self, mode: str, first: str = "") -> None:
        self.number_mode = mode
        prefixes = [s["prefix"] for s, _ in self.s.waiting()]
        ok = self.t("call_it" if mode == "call" else "restore_it")
        self.work.number.start(self.t("enter_number"), ok, prefixes, first)
        self.work.pages.setCurrentWidget(self.work.number)

    def _confirm_number(self, number: str) -> None:
        if not number:
            self.say("error", self.t("number_needed"))
            return
        command = self.commands.call_number if self.number_mode == "call" \
            else self.commands.restore
        self._then_actions(command, number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.stack.currentWidget() is not self.work or not route_key(self, event):
            super().keyPressEvent(event)
