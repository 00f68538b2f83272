"""A service's guide (一次性告知, 6.1.2: materials, time limit, legal basis, fee, notes) with the
buttons to take an ordinary ticket, a green-channel ticket (6.7.3), or go back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from hallq.client import theme
from hallq.client.i18n import Texts
from hallq.kiosk.catalog import Service
from hallq.kiosk.widgets import button, label

FIELDS = ("time_limit", "legal_basis", "fee", "notes")
ROWS = (*FIELDS, "windows", "queue")


class GuideScreen(QWidget):
    take = Signal(str, bool)  # service code, priority
    back = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.service: Service | None = None
        self.windows: dict[str, str] = {}  # language → "1、2、3号窗口"
        self.takeable, self.busy, self.elderly = True, False, False
        outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer = outer
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(32)
        body = QFrame()
        text = QVBoxLayout(body)
        text.setContentsMargins(28, 20, 28, 20)
        self.describe: Callable[[Service], str] = lambda service: ""
        self.name = label("", 40, bold=True)
        self.department = label("", 20)
        self.heading = label("", 22, bold=True, role="heading")
        self.materials_title = label("", 26, bold=True)
        self.materials = label("", 26)
        for widget in (self.name, self.department, self.heading, self.materials_title,
                       self.materials):
            text.addWidget(widget)
        facts = QGridLayout()
        facts.setHorizontalSpacing(20)
        self.fact_titles = {key: label("", 24, bold=True, wrap=False) for key in ROWS}
        self.facts = {key: label("", 24) for key in ROWS}
        for row, key in enumerate(ROWS):
            facts.addWidget(self.fact_titles[key], row, 0)
            facts.addWidget(self.facts[key], row, 1)
        facts.setColumnStretch(1, 1)
        text.addSpacing(12)
        text.addLayout(facts)
        text.addStretch(1)
        scroll = QScrollArea()  # a long guide scrolls by touch; the buttons stay in view
        scroll.setObjectName("guide")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(scroll.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        outer.addWidget(scroll, 3)
        side = QVBoxLayout()
        side.setSpacing(20)
        self.take_button = button(role="primary", pt=34, height=160)
        self.priority_button = button(role="good", pt=22, height=110)
        self.back_button = button(pt=24, height=90)
        self.take_button.clicked.connect(lambda: self._take(False))
        self.priority_button.clicked.connect(lambda: self._take(True))
        self.back_button.clicked.connect(self.back)
        self.message = label("", 24, bold=True, role="error")
        side.addWidget(self.take_button)
        side.addWidget(self.priority_button)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.back_button)
        outer.addLayout(side, 2)
        texts.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()

    def show_service(self, service: Service, windows: dict[str, str]) -> None:
        self.service, self.windows = service, windows
        self.message.clear()
        self.retranslate()

    def set_elderly(self, elderly: bool) -> None:
        """长者模式: the guide's text much larger, and the green channel as big as 取号."""
        self.elderly = elderly
        extra = 10 if elderly else 0
        for widget, pt, bold in [(self.materials, 26, False), (self.materials_title, 26, True),
                                 (self.name, 40, True), (self.department, 20, False),
                                 (self.heading, 22, True), (self.message, 24, True),
                                 *[(w, 24, False) for w in self.facts.values()],
                                 *[(w, 24, True) for w in self.fact_titles.values()]]:
            widget.setFont(theme.font(pt + extra, bold))
        take, green, back = ((34, 160), (34, 160), (32, 120)) if elderly else \
            ((34, 160), (22, 110), (24, 90))
        for key, (pt, height) in ((self.take_button, take), (self.priority_button, green),
                                  (self.back_button, back)):
            key.setStyleSheet(f"min-height: {height - 24}px; padding: 10px 16px; "
                              f"font-size: {pt}pt;")
            key.setFont(theme.font(pt, bold=key is not self.back_button))

    def set_portrait(self, portrait: bool) -> None:
        self.outer.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                else QBoxLayout.Direction.LeftToRight)

    def set_takeable(self, takeable: bool) -> None:
        self.takeable = takeable
        self._enable()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.message.setProperty("role", "")
            self.message.setText(self.texts("printing"))
            self._repolish()
        self._enable()

    def show_message(self, text: str) -> None:
        self.message.setProperty("role", "error")
        self.message.setText(text)
        self._repolish()

    def _repolish(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _take(self, priority: bool) -> None:
        if self.service is not None:
            self.take.emit(self.service.code, priority)

    def _enable(self) -> None:
        ok = self.takeable and not self.busy and self.service is not None and self.service.open
        self.take_button.setEnabled(ok)
        self.priority_button.setEnabled(ok)
        self.back_button.setEnabled(not self.busy)

    def retranslate(self) -> None:
        t, s = self.texts, self.service
        self.take_button.setText(t("take"))
        self.priority_button.setText(t("priority"))
        self.back_button.setText(t("back"))
        self.heading.setText(t("guide_title"))
        self.materials_title.setText(t("materials"))
        for key, title in self.fact_titles.items():
            title.setText(t(key))
        if s is not None:
            guide = s.guide.in_language(t.language)  # each field falls back to the Chinese
            self.name.setText(s.title(t.language))
            self.department.setText(s.department_title(t.language))
            self.materials.setText("\n".join(f"{i}. {m}"
                                             for i, m in enumerate(guide.materials, 1)))
            for key in FIELDS:
                value = getattr(guide, key)
                self.facts[key].setText(value)
                self.facts[key].setVisible(bool(value))
                self.fact_titles[key].setVisible(bool(value))
            self.facts["windows"].setText(self.windows.get(t.language, ""))
            self.facts["queue"].setText(self.describe(s))
            if not s.open and not self.busy:  # read while closed: say when it opens
                self.show_message(self.describe(s))
        self._enable()
