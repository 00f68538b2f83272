"""The kiosk's one window: banners on top, then one screen at a time (home, guide, check-in,
guide PIN, confirmation). A thin view over the shared HallClient, the ticket flow and the
printer thread; keys from a barcode scanner on the home screen go to the check-in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeyEvent, QResizeEvent, Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from hallq.client import theme
from hallq.client.connection import HallClient
from hallq.client.i18n import Texts, error_text
from hallq.client.kiosk_window import IdleWatcher
from hallq.hardware.printer import PrinterStatus
from hallq.hardware.printer.sample import DEFAULT_FOOTER, DEFAULT_FOOTER_EN
from hallq.hardware.printer.slip import TicketSlip
from hallq.kiosk.catalog import Service, compact, window_names
from hallq.kiosk.confirm import ConfirmScreen
from hallq.kiosk.entry import checkin_screen, pin_screen
from hallq.kiosk.feed import ServiceFeed
from hallq.kiosk.flow import TicketFlow
from hallq.kiosk.guide import GuideScreen
from hallq.kiosk.home import HomeScreen
from hallq.kiosk.pending import PendingCancels
from hallq.kiosk.printing import KioskPrinter
from hallq.kiosk.slip import slip_for
from hallq.kiosk.widgets import label
from hallq.kiosk.wording import refusal

STYLE = f"""
QFrame#department, QScrollArea#guide {{ background: white; border: 1px solid #c5d0db;
                                        border-radius: 14px; }}
QFrame#department QLabel, QScrollArea#guide QWidget {{ background: white; }}
QLabel#departmentTitle, QLabel[role="heading"] {{ color: {theme.BLUE}; }}
QLabel#ticketNumber {{ color: {theme.RED}; }}
QPushButton[closed="true"] {{ color: #7b8a97; background: #eceff1; }}
"""


@dataclass(frozen=True)
class KioskSettings:
    idle_seconds: float = 60
    confirm_seconds: float = 8
    services_refresh_seconds: float = 30
    footer: str = DEFAULT_FOOTER
    footer_en: str = DEFAULT_FOOTER_EN  # the footer of a ticket printed in English
    priority_needs_pin: bool = False  # ask the guide's PIN before asking the server
    pending_cancels: Path | None = None  # where unanswered cancels are kept; None: in memory


class KioskWindow(QWidget):
    def __init__(self, client: HallClient, printer: KioskPrinter, texts: Texts,
                 settings: KioskSettings = KioskSettings(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.printer, self.texts, self.settings = client, printer, texts, settings
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.feed = ServiceFeed(client, settings.services_refresh_seconds, self)
        self.flow = TicketFlow(client, printer, self.make_slip,
                               PendingCancels(settings.pending_cancels), self)
        self.flow.language = lambda: self.texts.language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.offline = label("", 24, bold=True, role="offline")
        self.printer_banner = label("", 24, bold=True, role="banner")
        layout.addWidget(self.offline)
        layout.addWidget(self.printer_banner)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.home, self.guide = HomeScreen(texts), GuideScreen(texts)
        self.checkin, self.pin = checkin_screen(texts), pin_screen(texts)
        self.confirm = ConfirmScreen(texts, settings.confirm_seconds)
        for screen in (self.home, self.guide, self.checkin, self.pin, self.confirm):
            self.stack.addWidget(screen)
        self.guide.describe = self.home.detail
        self._language = texts.language  # back to it when the kiosk is left alone
        self._pin_for = ""  # service code waiting for the guide's PIN
        self.idle = IdleWatcher(settings.idle_seconds, self)
        self._wire()
        self.update_banners()

    def _wire(self) -> None:
        self.client.onlineChanged.connect(lambda _: self.update_banners())
        self.client.snapshotChanged.connect(self._snapshot)
        self.printer.statusChanged.connect(lambda _: self.update_banners())
        self.printer.statusChanged.connect(  # the server's alarms see the printer too
            lambda status: self.client.report_printer(status.kind.value))
        self.texts.languageChanged.connect(lambda _: self.update_banners())
        self.feed.changed.connect(self._services)
        self.home.chosen.connect(self.open_guide)
        self.home.appointment.connect(self.open_checkin)
        self.home.languageClicked.connect(self.texts.toggle)
        self.home.elderlyClicked.connect(self.toggle_elderly)
        self.guide.take.connect(self._take)
        self.guide.back.connect(self.go_home)
        self.checkin.submitted.connect(self.flow.check_in)
        self.checkin.back.connect(self.go_home)
        self.pin.submitted.connect(lambda pin: self.flow.take(self._pin_for, True, pin))
        self.pin.back.connect(lambda: self.stack.setCurrentWidget(self.guide))
        self.flow.busyChanged.connect(self._busy)
        self.flow.succeeded.connect(self._printed)
        self.flow.failed.connect(self._failed)
        self.confirm.finished.connect(self.go_home)
        self.idle.idle.connect(self._idle)
        # a new screen starts the countdown afresh, however it was reached (a tap, a scanner,
        # a finished print): the citizen always gets the whole time to read it
        self.stack.currentChanged.connect(lambda _: self.idle.start())

    def start(self) -> None:
        self.client.start()
        self.printer.start()
        self.flow.resume_cancels()
        self.feed.start()
        self.idle.start()
        self.setFocus()

    def stop(self) -> None:
        self.flow.stop()
        self.confirm.stop()
        self.feed.timer.stop()
        self.client.stop()
        self.printer.stop()

    # ---- what the citizen sees ---------------------------------------------------------
    @property
    def takeable(self) -> bool:
        return self.client.online and not self.printer.known_bad

    def update_banners(self) -> None:
        t = self.texts
        self.offline.setText(error_text("offline", t.language, t("failed_generic")))
        self.offline.setVisible(not self.client.online)
        status: PrinterStatus | None = self.printer.status
        problem = status is not None and status.kind.value != "ok"
        self.printer_banner.setVisible(problem)
        if status is not None and problem:
            self.printer_banner.setText(t(f"printer_{status.kind.value}"))
        self.home.set_takeable(self.takeable)
        self.guide.set_takeable(self.takeable)

    def _snapshot(self, snapshot: dict[str, Any]) -> None:
        hall = snapshot.get("hall") or {}
        self.home.set_hall_name(str(hall.get("name") or ""), str(hall.get("name_en") or ""))

    def _services(self, services: list[Service]) -> None:
        self.home.set_services(services)
        self.home.retranslate()
        if self.guide.service is not None:
            fresh = self.feed.find(self.guide.service.code)
            if fresh is not None and fresh != self.guide.service:
                self.guide.service = fresh
                self.guide.retranslate()

    def windows_text(self, ids: tuple[str, ...] | list[str]) -> dict[str, str]:
        snapshot = self.client.snapshot
        return {lang: compact(window_names(snapshot, ids, lang), lang) for lang in ("zh", "en")}

    def open_guide(self, code: str) -> None:
        service = self.feed.find(code)
        if service is None or not service.readable or not self.takeable:
            return
        self.guide.show_service(service, self.windows_text(service.windows))
        self.stack.setCurrentWidget(self.guide)

    def toggle_elderly(self) -> None:
        self.home.set_elderly(not self.home.elderly)
        for screen in (self.guide, self.checkin, self.pin, self.confirm):
            screen.set_elderly(self.home.elderly)

    def open_checkin(self) -> None:
        self.checkin.reset()
        self.stack.setCurrentWidget(self.checkin)
        self.checkin.edit.setFocus()

    def go_home(self) -> None:
        self.confirm.stop()
        self.stack.setCurrentWidget(self.home)
        self.setFocus()

    def _idle(self) -> None:
        """The next citizen starts afresh: home, the hall's language, standard text."""
        if self.flow.busy:
            return
        self.go_home()
        self.texts.set_language(self._language)
        if self.home.elderly:
            self.toggle_elderly()

    # ---- taking a ticket ---------------------------------------------------------------
    def _take(self, code: str, priority: bool) -> None:
        if priority and self.settings.priority_needs_pin:
            self._ask_pin(code)
        else:
            self.flow.take(code, priority)

    def _ask_pin(self, code: str, message: str = "") -> None:
        self._pin_for = code
        self.pin.reset()
        self.pin.show_message(message)
        self.stack.setCurrentWidget(self.pin)
        self.pin.edit.setFocus()

    def _busy(self, busy: bool) -> None:
        for screen in (self.guide, self.checkin, self.pin):
            screen.set_busy(busy)

    def make_slip(self, ticket: dict[str, Any]) -> TicketSlip:
        return slip_for(ticket, self.feed.find(str(ticket.get("service"))),
                        self.client.snapshot, self.settings.footer, self.texts.language,
                        self.settings.footer_en)

    def _printed(self, ticket: dict[str, Any]) -> None:
        service = self.feed.find(str(ticket.get("service")))
        names = {"zh": service.name if service else str(ticket.get("service_name") or ""),
                 "en": service.title("en") if service else ""}
        self.confirm.show_ticket(ticket, names, self.windows_text(ticket.get("windows") or []))
        self.stack.setCurrentWidget(self.confirm)

    def _failed(self, kind: str, code: str, message: str) -> None:
        t = self.texts
        if kind == "printer":
            text = t(f"printer_{code}")
        elif kind == "print_failed":
            text = t("print_failed")
        elif kind == "pin":
            if self.stack.currentWidget() is self.pin:
                self.pin.show_message(t("pin_wrong"))
            else:
                self._ask_pin(self.guide.service.code if self.guide.service else "")
            return
        else:
            text = refusal(t, code, self.flow.values)
        screen = self.stack.currentWidget()
        if screen is self.pin:
            self.stack.setCurrentWidget(self.guide)
            screen = self.guide
        if screen in (self.guide, self.checkin):
            screen.show_message(text)

    # ---- a barcode scanner types like a keyboard -----------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        screen = self.stack.currentWidget()
        if screen is self.home and event.text().strip() and event.text().isprintable():
            self.open_checkin()
            screen = self.checkin
        if screen is self.checkin:
            self.checkin.type_key(event)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.guide.set_portrait(event.size().height() > event.size().width())
