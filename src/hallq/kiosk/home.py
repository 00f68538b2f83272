"""The home screen: services grouped by department, each with its queue; language and elderly
mode switches; appointment check-in. Closed, full or untakeable services are greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.kiosk.catalog import Service, best_columns, by_department, pack
from hallq.kiosk.widgets import ServiceButton, button, fitted, label
from hallq.kiosk.wording import when


class DepartmentCard(QFrame):
    def __init__(self, first: Service, buttons: list[ServiceButton], pt: int,
                 columns: int) -> None:
        super().__init__()
        self.first = first  # names the department in each language
        self.setObjectName("department")
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        self.pt = pt
        self.full_title = first.department
        self.title = label(first.department, pt, bold=True, wrap=False)
        self.title.setObjectName("departmentTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.title, 0, 0, 1, columns)
        for i, b in enumerate(buttons):
            layout.addWidget(b, 1 + i // columns, i % columns)
            layout.setRowStretch(1 + i // columns, 1)


    def show_language(self, language: str) -> None:
        self.full_title = self.first.department_title(language)
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        """A long department name gets a smaller font; if even that is too wide, it ends in
        "…" rather than being cut in the middle of a letter."""
        font = fitted(theme.font(self.pt, bold=True), self.full_title, width - 28)
        self.title.setFont(font)
        self.title.setText(QFontMetrics(font).elidedText(
            self.full_title, Qt.TextElideMode.ElideRight, max(40, width - 28)))


class HomeScreen(QWidget):
    chosen = Signal(str)  # service code
    appointment = Signal()
    languageClicked = Signal()
    elderlyClicked = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.services: list[Service] = []
        self.takeable = True  # false while offline or the printer is known bad
        self.elderly = False
        self.buttons: dict[str, ServiceButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        self.hall = label("", 30, bold=True, wrap=False)
        self.hall.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.language = button(role="secondary", pt=20, width=180)
        self.elderly_switch = button(role="secondary", pt=20, width=220)
        self.language.clicked.connect(self.languageClicked)
        self.elderly_switch.clicked.connect(self.elderlyClicked)
        top.addWidget(self.hall, 1)
        top.addWidget(self.elderly_switch)
        top.addWidget(self.language)
        layout.addLayout(top)
        self.choose = label("", 22)
        layout.addWidget(self.choose)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        layout.addWidget(self.grid_host, 1)
        self.checkin = button(role="good", pt=24, height=90)
        self.checkin.clicked.connect(self.appointment)
        layout.addWidget(self.checkin)
        self.cards: list[DepartmentCard] = []
        self._placed: list[QWidget] = []
        self._columns = self._most = 0
        texts.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()

    def set_hall_name(self, zh: str, en: str) -> None:
        self._hall_names = (zh, en)
        self.retranslate()

    def set_services(self, services: list[Service]) -> None:
        rebuild = [s.code for s in services] != [s.code for s in self.services]
        self.services = services
        if rebuild:
            self._build()
        self._refresh()

    def set_takeable(self, takeable: bool) -> None:
        self.takeable = takeable
        self.checkin.setEnabled(takeable)
        self._refresh()

    def set_elderly(self, elderly: bool) -> None:
        """长者模式: every service big, and the check-in as big, still on the screen."""
        self.elderly = elderly
        pt, height = (32, 130) if elderly else (24, 90)
        self.checkin.setStyleSheet(f"min-height: {height - 24}px; padding: 10px 16px; "
                                   f"font-size: {pt}pt;")
        self.checkin.setFont(theme.font(pt, bold=True))
        for switch in (self.language, self.elderly_switch):
            switch.setFont(theme.font(26 if elderly else 20, bold=True))
        self.choose.setFont(theme.font(28 if elderly else 22))
        self._build()
        self._refresh()
        self.retranslate()

    def retranslate(self) -> None:
        t = self.texts
        names = getattr(self, "_hall_names", ("", ""))
        self.hall.setText(names[1] if t.language == "en" and names[1] else names[0])
        self._fit_hall()
        self.language.setText(t("language"))
        self.elderly_switch.setText(t("elderly_off" if self.elderly else "elderly_on"))
        self.choose.setText(t("choose") if self.services else t("loading"))
        self.checkin.setText(t("appointment"))
        self._refresh()

    def columns_for(self, width: int) -> int:
        if self.elderly:  # portrait: two wide columns; 16:9: four, so every row stays tall
            return 2 if width < 1200 else 3 if width < 1600 else 4
        return max(2, min(5, width // 320))

    def _build(self) -> None:
        for item in self._placed:
            item.setParent(None)
            item.deleteLater()
        self._placed, self.cards, self.buttons = [], [], {}
        name_pt, detail_pt, title_pt = (36, 24, 20) if self.elderly else (28, 18, 17)
        self._most = self._columns = self.columns_for(self.width() or 1920)
        for i in range(12):
            self.grid.setRowStretch(i, 0)
            self.grid.setColumnStretch(i, 0)
        if self.elderly:  # only the services, big: no department headings
            for i, service in enumerate(self.services):
                b = self._button(service.code, name_pt, detail_pt)
                self._placed.append(b)
                self.grid.addWidget(b, i // self._columns, i % self._columns)
                self.grid.setRowStretch(i // self._columns, 1)
                self.grid.setColumnStretch(i % self._columns, 1)
            self._show_now()
            return
        groups = by_department(self.services)
        spans = [min(len(services), self._columns) for _, services in groups]
        self._columns = best_columns(spans, self._columns)
        places, _ = pack([min(span, self._columns) for span in spans], self._columns)
        for i in range(self._columns):
            self.grid.setColumnStretch(i, 1)
        for (_, services), (row, col) in zip(groups, places, strict=True):
            span = min(len(services), self._columns)  # a department's services side by side
            buttons = [self._button(s.code, name_pt, detail_pt) for s in services]
            card = DepartmentCard(services[0], buttons, title_pt, span)
            self.cards.append(card)
            self._placed.append(card)
            self.grid.addWidget(card, row, col, 1, span)
            self.grid.setRowStretch(row, 1)
        self._show_now()

    def _show_now(self) -> None:
        """A widget added to a shown layout is shown only on the next turn of the event loop:
        show and place the new grid at once, so it never paints empty for a moment."""
        if not self.isVisible():
            return
        for item in self._placed:
            item.show()
        self.grid.activate()

    def _button(self, code: str, name_pt: int, detail_pt: int) -> ServiceButton:
        b = ServiceButton(code)
        b.set_sizes(name_pt, detail_pt)
        b.clicked.connect(lambda: self.chosen.emit(code))
        self.buttons[code] = b
        return b

    def _refresh(self) -> None:
        for card in self.cards:
            card.show_language(self.texts.language)
        for service in self.services:
            b = self.buttons.get(service.code)
            if b is not None:
                b.setText("\n".join([service.title(self.texts.language),
                                     self.detail(service)]))
                b.setEnabled(service.readable and self.takeable)  # a closed guide reads
                if b.property("closed") != (not service.open):
                    b.setProperty("closed", not service.open)
                    b.style().unpolish(b)
                    b.style().polish(b)

    def detail(self, service: Service) -> str:
        t = self.texts
        if not service.open:
            reason = service.closed_reason or "other"
            if reason == "outside_hours" and service.opens_at:
                return t("closed_opens", when=when(t, service.opens_at))
            key = f"closed_{reason}"
            return t(key) if key in t.tables["zh"] else t("closed_other")
        waiting = t("waiting", count=service.waiting)
        if service.open_windows == 0:  # nobody can call it now: no wait is a promise too far
            return f"{waiting} · {t('no_window_open')}"
        if service.waiting == 0:
            return f"{waiting} · {t('wait_none')}"
        if service.estimated_wait_s < 0:
            return waiting
        minutes = max(1, round(service.estimated_wait_s / 60))
        return f"{waiting} · {t('wait_minutes', minutes=minutes)}"

    def _fit_hall(self) -> None:
        buttons = sum(max(b.sizeHint().width(), b.minimumWidth())
                      for b in (self.language, self.elderly_switch))
        self.hall.setFont(fitted(theme.font(30, bold=True), self.hall.text(),
                                 max(200, self.width() - buttons - 90)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hall()
        if self.services and self.columns_for(event.size().width()) != self._most:
            self._build()
            self._refresh()
