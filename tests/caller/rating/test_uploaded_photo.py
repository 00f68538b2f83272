"""The rating pad shows the clerk's photo uploaded in the console: fetched through the shared
client when the clerk (or the photo) changes, no file copied by hand; a photo in the pad's own
folder still wins."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from hallq.caller.rating.avatar import Avatar
from hallq.server.service import clerk_photos
from tests.caller.rating.conftest import MakePad, shows
from tests.hall_steps import open_window
from tests.live_server import LiveServer


def picture(color: str, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 400), color).save(out, kind)
    return out.getvalue()


def upload(server: LiveServer, clerk: str, data: bytes) -> None:
    """What the console's upload does: the picture checked and re-encoded, then kept on the
    writer thread through the live configuration."""
    hs, live = server.server.service, server.server.live
    jpeg = clerk_photos.as_jpeg(data)
    hs.work.on_writer(clerk_photos.upload, hs, live, clerk, jpeg, None, "console:boss")


def centre(avatar: Avatar) -> QColor:
    """The colour in the middle of what the avatar shows on the screen (a grab)."""
    image = avatar.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_an_uploaded_photo_replaces_the_placeholder_and_a_new_one_follows(
        qtbot: QtBot, server: LiveServer, make_pad: MakePad, tmp_path: Path) -> None:
    pad = make_pad(photos=tmp_path)  # an empty folder: no local photos
    open_window(server)
    qtbot.waitUntil(lambda: shows(pad, "张敏"), timeout=5000)
    avatar = pad.window_screen.avatar
    assert not avatar.is_photo
    placeholder = centre(avatar)
    upload(server, "c03", picture("#d32f2f"))
    qtbot.waitUntil(lambda: avatar.is_photo, timeout=5000)
    red = centre(avatar)
    assert red != placeholder and red.red() > 180 and red.green() < 90 and red.blue() < 90
    upload(server, "c03", picture("#1565c0", "JPEG"))
    qtbot.waitUntil(lambda: avatar.is_photo and centre(avatar).blue() > 150
                    and centre(avatar).red() < 90, timeout=5000)
    pad.resize(1600, 1000)  # a larger screen: the same photo, larger
    qtbot.waitUntil(lambda: avatar.width() > 240, timeout=5000)
    assert avatar.is_photo and centre(avatar).blue() > 150


def test_a_photo_in_the_pads_folder_still_wins(qtbot: QtBot, server: LiveServer,
                                               make_pad: MakePad, tmp_path: Path) -> None:
    (tmp_path / "c03.png").write_bytes(picture("#2e7d32"))
    upload(server, "c03", picture("#d32f2f"))
    pad = make_pad(photos=tmp_path)
    open_window(server)
    qtbot.waitUntil(lambda: shows(pad, "张敏"), timeout=5000)
    avatar = pad.window_screen.avatar
    assert avatar.is_photo
    green = centre(avatar)
    assert green.green() > 100 and green.red() < 90


def test_the_old_photo_stays_while_the_new_one_is_fetched(qtbot: QtBot) -> None:
    avatar = Avatar(240, 320)
    qtbot.addWidget(avatar)
    avatar.show_photo("c03", None, "/api/clerks/c03/photo?v=1", picture("#d32f2f"))
    assert avatar.is_photo and centre(avatar).red() > 180
    avatar.show_photo("c03", None, "/api/clerks/c03/photo?v=2")  # not fetched yet
    assert avatar.is_photo and centre(avatar).red() > 180  # no placeholder flashes between
    avatar.show_photo("c03", None, "/api/clerks/c03/photo?v=2", picture("#1565c0"))
    assert centre(avatar).blue() > 150 and centre(avatar).red() < 90
    avatar.show_photo("c05", None, "/api/clerks/c05/photo?v=1")  # another clerk: not theirs
    assert not avatar.is_photo
    avatar.show_photo("c05", None, "")  # a clerk without a photo
    assert not avatar.is_photo
