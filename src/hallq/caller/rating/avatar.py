"""The clerk's photo (6.2.1), or a neat drawn placeholder: never a broken image."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

BACKGROUND = QColor("#dfe7ef")
FIGURE = QColor("#90a4ae")


def placeholder(width: int, height: int) -> QPixmap:
    """A head-and-shoulders silhouette on a soft card, like an empty ID-photo frame."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    card = QPainterPath()
    card.addRoundedRect(QRectF(0, 0, width, height), 18, 18)
    painter.fillPath(card, BACKGROUND)
    painter.setClipPath(card)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FIGURE)
    head = width * 0.36
    painter.drawEllipse(QRectF((width - head) / 2, height * 0.2, head, head))
    body = width * 0.8
    painter.drawEllipse(QRectF((width - body) / 2, height * 0.2 + head * 1.08, body, body))
    painter.end()
    return pixmap


def load(path: Path | None, width: int, height: int,
         data: bytes | None = None) -> tuple[QPixmap, bool]:
    """The photo (a file, or ``data``: its bytes) scaled into ``width`` x ``height`` and True;
    the placeholder and False when there is none or it cannot be read."""
    photo = QPixmap()
    if path is not None:
        photo = QPixmap(str(path))
    elif data:
        photo.loadFromData(data)
    if not photo.isNull():
        return photo.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation), True
    return placeholder(width, height), False


class Avatar(QLabel):
    """Shows one clerk's photo; reads it only when the clerk (or the photo's address)
    changes."""

    def __init__(self, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = (width, height)
        self.shown: tuple[str, Path | None, str] | None = None  # clerk, file, photo_url
        self.data: bytes | None = None
        self.is_photo = False
        self.setFixedSize(width, height)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("avatar")
        self.show_photo("", None)

    def set_box(self, width: int, height: int) -> None:
        if (width, height) != self.box:
            self.box = (width, height)
            self.setFixedSize(width, height)
            shown, self.shown = self.shown or ("", None, ""), None
            self.show_photo(*shown, data=self.data)

    def show_photo(self, clerk_id: str, path: Path | None, url: str = "",
                   data: bytes | None = None) -> None:
        """The file ``path``, else ``data`` (the bytes of ``url``), else the placeholder (but
        not in place of the clerk's photo while a new one at ``url`` is still being fetched)."""
        shown = (clerk_id, path, url if data else "")
        if self.shown == shown:
            return
        if (path is None and url and data is None and self.is_photo and self.shown
                and self.shown[0] == clerk_id):
            return  # the clerk's new photo is on its way: the one shown stays until it comes
        self.shown, self.data = shown, data
        pixmap, self.is_photo = load(path, *self.box, data)
        self.setPixmap(pixmap)
