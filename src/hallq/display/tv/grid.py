"""Every window's state as a grid of tiles; when they do not all fit, pages that rotate.

The grid keeps a pool of tiles, as many as fit; a change of one window touches its tile only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hallq.display.tv import style
from hallq.display.tv.model import TileView, Words, tile_view

TILE_W, TILE_H = 210, 130  # the smallest readable tile at a unit of 1 (1080 px screens)


def _narrowed(font: QFont, text: str, room: float) -> QFont:
    """``font``, smaller (down to 60 %) when ``text`` is wider than ``room`` pixels."""
    wide = QFontMetrics(font).horizontalAdvance(text)
    if wide > room > 0:
        font.setPixelSize(max(8, round(font.pixelSize() * max(0.6, room / wide))))
    return font


class WindowTile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        policy.setRetainSizeWhenHidden(True)  # the last page keeps the same tile size
        self.setSizePolicy(policy)
        self.name, self.big, self.small = QLabel(), QLabel(), QLabel()
        self.big.setObjectName("tileBig")
        self.small.setObjectName("tileSmall")
        self._box = layout = QVBoxLayout(self)
        layout.setSpacing(0)
        for label in (self.name, self.big, self.small):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.view: TileView | None = None
        self.unit = 1.0
        self.fitted: tuple[float, str, str] = (0.0, "", "")

    def set_scale(self, unit: float) -> None:
        self.unit = unit
        self._box.setContentsMargins(*(round(6 * unit),) * 4)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()

    def _fit(self) -> None:
        """Type as large as the tile allows (between 70 % and 160 % of the screen's unit); a
        long name or word gets smaller type rather than being cut."""
        size = min(self.width() / TILE_W, self.height() / TILE_H) if self.width() > 0 else 1.0
        scale = self.unit * max(0.7, min(1.6, size / self.unit if self.unit else 1.0))
        fitted = (scale, self.name.text(), self.big.text())
        if fitted == self.fitted:
            return
        self.fitted = fitted
        room = self.width() - 16 * self.unit
        number = self.view is not None and self.view.state == "serving"
        self.name.setFont(_narrowed(style.font(30 * scale, True), self.name.text(), room))
        # words stay at most 62 px: the CJK font's synthetic bold fades above that
        big = style.number_font(56 * scale) if number else style.font(min(56 * scale, 62), True)
        self.big.setFont(_narrowed(big, self.big.text(), room))
        self.small.setFont(style.font(24 * scale))

    def show_view(self, view: TileView) -> None:
        if view == self.view:
            return
        self.view = view
        self.name.setText(view.name)
        self.big.setText(view.big)
        self.small.setText(view.small)
        self._fit()
        for widget in (self, self.big, self.small):
            style.set_state(widget, view.state)


class WindowGrid(QWidget):
    def __init__(self, words: Words, language: str, page_s: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words, self.language = words, language
        self.windows: list[Mapping[str, Any]] = []
        self._index: dict[str, int] = {}
        self.tiles: list[WindowTile] = []
        self.cols, self.rows, self.page, self.unit = 1, 1, 0, 1.0
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.page_label = QLabel()
        self.page_label.setObjectName("dim")
        self._pager = QTimer(self)
        self._pager.setInterval(round(page_s * 1000))
        self._pager.timeout.connect(self.next_page)

    # ---- what is shown ---------------------------------------------------------------------
    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.windows) / len(self.tiles))) if self.tiles else 1

    def set_windows(self, windows: Sequence[Mapping[str, Any]]) -> None:
        ids = [str(w["id"]) for w in windows]
        relayout = ids != [str(w["id"]) for w in self.windows]
        self.windows = list(windows)
        self._index = {i: n for n, i in enumerate(ids)}
        if relayout:
            self._arrange()
        else:
            self._fill()

    def update_window(self, window: Mapping[str, Any]) -> None:
        """One window changed: repaint its tile if it is on the page shown."""
        n = self._index.get(str(window.get("id")))
        if n is None:
            return
        self.windows[n] = window
        first = self.page * len(self.tiles)
        if first <= n < first + len(self.tiles):
            self.tiles[n - first].show_view(tile_view(window, self.words, self.language))

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self._fill()

    def _fill(self) -> None:
        self.page = min(self.page, self.pages - 1)
        first = self.page * len(self.tiles)
        for i, tile in enumerate(self.tiles):
            n = first + i
            if n < len(self.windows):
                tile.show_view(tile_view(self.windows[n], self.words, self.language))
            tile.setVisible(n < len(self.windows))
        paged = self.pages > 1
        self.page_label.setText(self.words("page", page=self.page + 1, pages=self.pages)
                                if paged else "")
        if paged and not self._pager.isActive():
            self._pager.start()
        elif not paged:
            self._pager.stop()

    # ---- layout ------------------------------------------------------------------------------
    def set_scale(self, unit: float) -> None:
        self.unit = unit
        self.page_label.setFont(style.font(26 * unit))
        self._layout.setSpacing(round(10 * unit))
        for tile in self.tiles:
            tile.set_scale(unit)
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()

    def _shape(self) -> tuple[int, int]:
        """Columns and rows: all windows if they fit (tiles as wide as suits them), else the
        most tiles that fit, paged."""
        gap = 10 * self.unit
        max_cols = max(1, int((self.width() + gap) // (TILE_W * self.unit + gap)))
        max_rows = max(1, int((self.height() + gap) // (TILE_H * self.unit + gap)))
        count = len(self.windows)
        if count == 0 or count > max_cols * max_rows:
            return max_cols, max_rows
        best: tuple[float, int, int] | None = None
        for cols in range(1, max_cols + 1):
            rows = math.ceil(count / cols)
            if rows > max_rows:
                continue
            aspect = (self.width() / cols) / max(1.0, self.height() / rows)
            score = abs(math.log(aspect / 2.0)) + 0.05 * (cols * rows - count)
            if best is None or score < best[0]:
                best = (score, cols, rows)
        assert best is not None
        return best[1], best[2]

    def _arrange(self) -> None:
        cols, rows = self._shape()
        if (cols, rows) != (self.cols, self.rows) or len(self.tiles) != cols * rows:
            self.cols, self.rows = cols, rows
            for tile in self.tiles:
                self._layout.removeWidget(tile)
            while len(self.tiles) < cols * rows:
                tile = WindowTile(self)
                tile.set_scale(self.unit)
                self.tiles.append(tile)
            while len(self.tiles) > cols * rows:
                self.tiles.pop().deleteLater()
            for i, tile in enumerate(self.tiles):
                self._layout.addWidget(tile, i // cols, i % cols)
            for r in range(self._layout.rowCount()):
                self._layout.setRowStretch(r, 1 if r < rows else 0)
            for c in range(self._layout.columnCount()):
                self._layout.setColumnStretch(c, 1 if c < cols else 0)
        self._fill()
