"""Side panels: how many wait for this window's services, and the clerk's figures for today."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hallq.caller.pad.ticket_card import mm_ss
from hallq.caller.pad.ui import card_style
from hallq.client import theme
from hallq.client.i18n import Texts


class Panel(QFrame):
    """A white card with a title and a grid of name / value rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setStyleSheet(card_style("panel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        self.title = QLabel(title)
        self.title.setFont(theme.font(18, bold=True))
        self.title.setStyleSheet(f"color: {theme.BLUE};")
        layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.factor = 1.0

    def scale(self, factor: float) -> None:
        self.factor = factor
        self.title.setFont(theme.font(round(18 * factor), bold=True))
        for name, value in self.rows:
            name.setFont(theme.font(round(17 * factor)))
            value.setFont(theme.font(round(17 * factor), bold=True))

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        while len(self.rows) < len(rows):
            name, value = QLabel(wordWrap=True), QLabel()
            name.setFont(theme.font(round(17 * self.factor)))
            value.setFont(theme.font(round(17 * self.factor), bold=True))
            self.grid.addWidget(name, len(self.rows), 0)
            self.grid.addWidget(value, len(self.rows), 1)
            self.rows.append((name, value))
        for i, (name, value) in enumerate(self.rows):
            shown = i < len(rows)
            name.setVisible(shown)
            value.setVisible(shown)
            if shown:
                name.setText(rows[i][0])
                value.setText(rows[i][1])


class WaitingPanel(Panel):
    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(texts("waiting_title"), parent)
        self.t = texts

    def show_counts(self, counts: list[tuple[str, str, int]]) -> None:
        """``counts``: (service name, prefix, waiting) per service of this window."""
        rows = [(self.t("waiting_row", service=name, prefix=prefix),
                 self.t("waiting_count", count=n)) for name, prefix, n in counts]
        total = sum(n for _, _, n in counts)
        self.set_rows([*rows, ("", self.t("waiting_total", count=total))])


class TodayPanel(Panel):
    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(texts("today_title"), parent)
        self.t = texts
        self.last: dict[str, Any] = {}
        self.show_today({})

    def show_today(self, today: dict[str, Any]) -> None:
        self.last = today
        mine = today.get("clerk") or today.get("window") or {}
        none = self.t("none")
        avg = mine.get("avg_service_s")
        rate = mine.get("satisfaction_rate")
        self.set_rows([
            (self.t("served"), self.t("count", count=mine.get("served", 0))),
            (self.t("avg_service"), mm_ss(avg) if avg is not None else none),
            (self.t("missed"), self.t("count", count=mine.get("missed", 0))),
            (self.t("rated"), self.t("rated_value", count=mine.get("rated", 0),
                                     rate=f"{rate:.0%}" if rate is not None else none)),
            (self.t("paused_total"), mm_ss(mine.get("paused_s") or 0)),
        ])
