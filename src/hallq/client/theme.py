"""Look and feel shared by the apps: a CJK font, colours, touch-sized controls."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei",
                "PingFang SC", "Source Han Sans SC")

RED = "#b71c1c"
BLUE = "#0d47a1"
GREEN = "#1b5e20"
GREY = "#546e7a"
PAPER = "#f3f6fa"

STYLE = f"""
QWidget {{ background: {PAPER}; color: #1d2b3a; }}
QPushButton {{ background: white; border: 2px solid #c5d0db; border-radius: 12px;
              padding: 10px 16px; min-height: 60px; min-width: 60px; }}
QPushButton:pressed {{ background: #dde7f0; }}
QPushButton:disabled {{ color: #9aa7b3; background: #eceff1; }}
QPushButton[role="primary"] {{ background: {RED}; color: white; border-color: {RED}; }}
QPushButton[role="secondary"] {{ background: {BLUE}; color: white; border-color: {BLUE}; }}
QPushButton[role="good"] {{ background: {GREEN}; color: white; border-color: {GREEN}; }}
QLabel[role="banner"] {{ background: {RED}; color: white; padding: 12px; }}
QLabel[role="offline"] {{ background: #ff8f00; color: black; padding: 10px; }}
QLabel[role="error"] {{ color: {RED}; }}
QLineEdit {{ background: white; border: 2px solid #c5d0db; border-radius: 8px; padding: 8px;
            min-height: 48px; }}
"""


def cjk_family() -> str:
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), QFont().family())


def apply(app: QApplication, base_pt: int = 16) -> None:
    font = QFont(cjk_family(), base_pt)
    app.setFont(font)
    app.setStyleSheet(STYLE)


def font(pt: int, bold: bool = False) -> QFont:
    result = QFont(cjk_family(), pt)
    result.setBold(bold)
    return result
