"""The window screen (who serves here, 6.2.1) and the five levels (9.2)."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.caller.rating.avatar import Avatar
from hallq.caller.rating.photos import PhotoFetcher
from hallq.caller.rating.settings import PadSettings
from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.client.names import pick_name

LEVELS = (5, 4, 3, 2, 1)
W = TypeVar("W", bound=QWidget)


def sized(widget: W, pt: int, bold: bool = False) -> W:
    """Give ``widget`` a font of ``pt`` points at 1280x800, kept for ``rescale``."""
    widget.setProperty("pt", pt)
    widget.setProperty("bold", bold)
    widget.setFont(theme.font(pt, bold))
    return widget


def rescale(root: QWidget, factor: float) -> None:
    """Fonts grow and shrink with the screen (1280x800 is 1.0)."""
    for widget in root.findChildren(QWidget):
        pt = widget.property("pt")
        if isinstance(pt, int):
            widget.setFont(theme.font(max(10, round(pt * factor)), bool(widget.property("bold"))))


def label(pt: int, bold: bool = False, name: str = "") -> QLabel:
    widget = sized(QLabel(), pt, bold)
    widget.setWordWrap(True)
    widget.setObjectName(name)
    return widget


class WindowScreen(QWidget):
    """While open: window, clerk, job number, photo, the service being handled."""

    def __init__(self, texts: Texts, settings: PadSettings,
                 parent: QWidget | None = None, photos: PhotoFetcher | None = None) -> None:
        super().__init__(parent)
        self.texts, self.settings, self.photos = texts, settings, photos
        if photos is not None:  # an uploaded photo arrived: show it if it is still wanted
            photos.ready.connect(lambda _url: self.refresh())
        self.state: dict[str, Any] = {}
        self.window_name = label(30, True, "windowName")
        self.avatar = Avatar(240, 320)
        self.clerk = label(52, True, "clerkName")
        self.job = label(26, name="jobNumber")
        self.serving = label(26, name="serving")
        self.closed = label(64, True, "closed")
        self.detail = label(30, name="closedDetail")
        self.invite = label(22, name="invite")
        for widget in (self.window_name, self.closed, self.detail, self.invite):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        info = QVBoxLayout()
        info.addStretch(1)
        for widget in (self.clerk, self.job, self.serving):
            info.addWidget(widget)
            info.addSpacing(8)
        info.addStretch(1)
        person = QHBoxLayout()
        person.setContentsMargins(40, 0, 40, 0)
        person.addWidget(self.avatar)
        person.addSpacing(40)
        person.addLayout(info, 1)
        card = QFrame()
        card.setObjectName("card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(1, 1, 1, 32)
        inside.addWidget(self.window_name)
        inside.addSpacing(24)
        inside.addLayout(person)
        inside.addWidget(self.closed)
        inside.addWidget(self.detail)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 6)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.invite)

    def show_window(self, state: dict[str, Any]) -> None:
        self.state = state
        self.refresh()

    def refresh(self) -> None:
        t, state = self.texts, self.state
        self.window_name.setText(pick_name(str(state.get("name", "")), state.get("name_en"),
                                           t.language))
        clerk = state.get("clerk") or {}
        status = state.get("status", "closed")
        open_ = status != "closed" and bool(clerk)
        for widget in (self.avatar, self.clerk, self.job, self.serving, self.invite):
            widget.setVisible(status == "open" and open_)
        self.closed.setVisible(not (status == "open" and open_))
        self.detail.setVisible(not (status == "open" and open_))
        if state.get("missing"):
            self.closed.setText(t("no_window", id=state.get("id", "")))
            self.detail.setText(t("closed_detail"))
        elif status == "paused":
            self.closed.setText(t("paused"))
            self.detail.setText(t("pause_reason", reason=state.get("pause_reason") or "—"))
        elif not open_:
            self.closed.setText(t("closed"))
            self.detail.setText(t("closed_detail"))
        self.clerk.setText(str(clerk.get("name", "")))
        self.job.setText(t("job_number", job=clerk.get("job_number") or "—"))
        current = state.get("current") or {}
        service = current.get("service_name") or current.get("service") or ""
        self.serving.setText(t("serving", service=service) if service else t("idle"))
        self.invite.setText(t("invite"))
        clerk_id = str(clerk.get("id", ""))
        local = self.settings.photo_of(clerk_id, str(clerk.get("photo") or ""))
        url = str(clerk.get("photo_url") or "") if local is None else ""
        data = self.photos.photo(url) if url and self.photos is not None else None
        self.avatar.show_photo(clerk_id, local, url, data)


class AskScreen(QWidget):
    """Five big buttons; the ticket number shows whose service is rated."""

    chosen = Signal(int)

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.ticket: dict[str, Any] = {}
        self.clerk: dict[str, Any] = {}
        self.title = label(40, True, "askTitle")
        self.which = label(28, name="askTicket")
        self.who = label(22, name="askClerk")
        self.error = label(22, name="askError")
        self.error.setProperty("role", "error")
        self.buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(18)
        for score in LEVELS:
            button = sized(QPushButton(), 28, True)
            button.setProperty("level", str(score))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, s=score: self.chosen.emit(s))
            self.buttons[score] = button
            row.addWidget(button, 1)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.which, self.who):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(row, 6)
        layout.addStretch(1)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)

    def show_ticket(self, ticket: dict[str, Any], clerk: dict[str, Any]) -> None:
        self.ticket, self.clerk = ticket, clerk
        self.error.clear()
        self.refresh()

    def refresh(self) -> None:
        t = self.texts
        self.title.setText(t("ask"))
        self.which.setText(t("ticket", number=self.ticket.get("number", ""),
                             service=self.ticket.get("service_name", "")))
        self.who.setText(t("served_by", name=self.clerk.get("name", ""),
                           job=self.clerk.get("job_number", "")) if self.clerk else "")
        for score, button in self.buttons.items():
            button.setText(t(f"score_{score}"))

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)
