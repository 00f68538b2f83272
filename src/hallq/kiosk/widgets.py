"""Small touch widgets: the service button (name big, queue facts small), labels with a role,
and on-screen keys for the appointment code and the guide's PIN."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from hallq.client import theme

KEYBOARD_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")  # as on any keyboard


def button(text: str = "", role: str = "", pt: int = 20, height: int = 80,
           width: int = 60, padding: int = 16) -> QPushButton:
    """A touch button (never takes keyboard focus: keys belong to the scanner)."""
    result = QPushButton(text)
    result.setFont(theme.font(pt, bold=bool(role)))
    # the theme's style sheet would win over setMinimumHeight(); padding and border come on top
    result.setStyleSheet(f"min-height: {max(60, height) - 24}px; min-width: {width}px; "
                         f"padding: 10px {padding}px;")
    result.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if role:
        result.setProperty("role", role)
    return result


def label(text: str = "", pt: int = 18, bold: bool = False, role: str = "",
          wrap: bool = True) -> QLabel:
    result = QLabel(text)
    result.setFont(theme.font(pt, bold))
    result.setWordWrap(wrap)
    if role:
        result.setProperty("role", role)
    return result


class ServiceButton(QPushButton):
    """The first line of ``text()`` is the service's name, drawn large; the rest smaller."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.name_pt, self.detail_pt = 26, 17
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_sizes(self, name_pt: int, detail_pt: int) -> None:
        self.name_pt, self.detail_pt = name_pt, detail_pt
        self.updateGeometry()
        self.update()

    def _line_heights(self) -> tuple[int, int]:
        return (QFontMetrics(theme.font(self.name_pt, bold=True)).height(),
                QFontMetrics(theme.font(self.detail_pt)).height())

    def sizeHint(self) -> QSize:
        name_h, detail_h = self._line_heights()
        return QSize(320, name_h + detail_h + 60)

    def minimumSizeHint(self) -> QSize:
        name_h, detail_h = self._line_heights()
        return QSize(160, name_h + detail_h + 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        name, *details = self.text().split("\n")
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.ButtonText))
        area = self.rect().adjusted(14, 8, -14, -8)
        room = area.width() - 8  # elidedText wants a little more than the advance measures
        names, name_font = name_lines(theme.font(self.name_pt, bold=True), name, room)
        detail_font = fitted(theme.font(self.detail_pt), max(details, key=len, default=""), room)
        name_h = QFontMetrics(name_font).height()
        detail_h = QFontMetrics(detail_font).height()
        used = name_h * len(names) + detail_h * len(details) + 4
        y = area.top() + max(0, (area.height() - used) // 2)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        lines = [(name_font, n, name_h) for n in names]
        lines[-1] = (name_font, names[-1], name_h + 4)
        for font, line, height in [*lines, *[(detail_font, d, detail_h) for d in details]]:
            painter.setFont(font)
            text = painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                    area.width())
            painter.drawText(QRect(area.left(), y, area.width(), height), flags, text)
            y += height
        painter.end()


def name_lines(font: QFont, name: str, width: int) -> tuple[list[str], QFont]:
    """A service's name on one line, smaller if need be; a long name of several words that
    would still not fit goes on two lines of about equal length instead of ending in "…"."""
    one = fitted(QFont(font), name, width)
    words = name.split(" ")
    if QFontMetrics(one).horizontalAdvance(name) <= width or len(words) < 2:
        return [name], one
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return [first, second], fitted(QFont(font), max(first, second, key=len), width)


def fitted(font: QFont, text: str, width: int) -> QFont:
    """``font``, made smaller (down to 60 %) until ``text`` fits in ``width``."""
    smallest = font.pointSizeF() * 0.6
    while QFontMetrics(font).horizontalAdvance(text) > width and font.pointSizeF() > smallest:
        font.setPointSizeF(font.pointSizeF() - 1)
    return font


class KeyPad(QWidget):
    """On-screen keys; ``pressed`` carries the key's text, or "\\b" (delete) or "\\x18" (clear)."""

    pressed = Signal(str)

    def __init__(self, rows: tuple[str, ...], delete: str, clear: str, pt: int = 22,
                 size: int = 84, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(10)
        self.keys: list[QPushButton] = []
        for r, row in enumerate(rows):
            for c, char in enumerate(row):
                self._add(grid, char, char, r, c, pt, size)
        last = len(rows[-1])
        width = max(len(row) for row in rows)
        span = max(1, (width - last) // 2)
        self.delete = self._add(grid, delete, "\b", len(rows) - 1, last, pt, size, span)
        self.clear = self._add(grid, clear, "\x18", len(rows) - 1, last + span, pt, size,
                               max(1, width - last - span))

    def _add(self, grid: QGridLayout, text: str, value: str, row: int, col: int, pt: int,
             size: int, span: int = 1) -> QPushButton:
        key = button(text, pt=pt, height=size, width=40, padding=4)
        key.clicked.connect(lambda: self.pressed.emit(value))
        grid.addWidget(key, row, col, 1, span)
        self.keys.append(key)
        return key

    def set_size(self, pt: int, size: int) -> None:
        for key in self.keys:  # the style sheet first: setting one resets the font
            key.setStyleSheet(f"min-height: {max(60, size) - 24}px; min-width: 40px; "
                              f"padding: 10px 4px; font-size: {pt}pt;")
            key.setFont(theme.font(pt))

    def set_words(self, delete: str, clear: str) -> None:
        self.delete.setText(delete)
        self.clear.setText(clear)
