"""The display's look: bright text on a dark background, sizes that scale with the screen."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hallq.client.theme import cjk_family

BACKGROUND = "#07111d"
PANEL = "#0f2236"
HEADER = "#0b3a6b"
TEXT = "#eef3f8"
DIM = "#8fa6bd"
NUMBER = "#ffe14d"
CALL = "#c62828"
CALL_FLASH = "#ff5a36"
PAUSED = "#ffb74d"
CLOSED = "#78909c"
NOTICE = "#ffd180"

STYLE = f"""
QWidget {{ background: transparent; color: {TEXT}; }}
QWidget#display {{ background: {BACKGROUND}; }}
QWidget#header {{ background: {HEADER}; }}
QFrame#panel, QFrame#tile {{ background: {PANEL}; border-radius: 12px; }}
QFrame#tile[state="serving"] {{ border: 3px solid #2e6da4; }}
QFrame#tile[state="paused"] {{ border: 3px solid {PAUSED}; }}
QLabel#caption, QLabel#dim, QLabel#tileSmall {{ color: {DIM}; }}
QLabel#tileBig, QLabel#number, QLabel#waitingCount {{ color: {NUMBER}; }}
QLabel#tileBig[state="paused"], QLabel#tileSmall[state="paused"] {{ color: {PAUSED}; }}
QLabel#tileBig[state="closed"], QLabel#tileBig[state="idle"] {{ color: {CLOSED}; }}
QLabel[role="offline"] {{ background: #ff8f00; color: black; padding: 8px; }}
"""


def font(px: float, bold: bool = False) -> QFont:
    """The CJK font at a size in pixels (the display scales with its screen, not with dpi)."""
    result = QFont(cjk_family())
    result.setPixelSize(max(8, round(px)))
    result.setBold(bold)
    return result


NUMBER_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")


def number_font(px: float) -> QFont:
    """Bold type for ticket numbers and counts: a Latin face with a real bold (the CJK fonts'
    synthetic bold fades at large sizes), falling back to the CJK font for Chinese words."""
    result = QFont()
    result.setFamilies([*NUMBER_FAMILIES, cjk_family()])
    result.setPixelSize(max(8, round(px)))
    result.setBold(True)
    return result


def set_state(widget: QWidget, state: str) -> None:
    """Change a widget's ``state`` property and restyle it, only when it changed."""
    if widget.property("state") != state:
        widget.setProperty("state", state)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
