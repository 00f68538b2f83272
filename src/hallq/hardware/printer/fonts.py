"""A CJK font for the ticket preview and raster mode, found through fontconfig or known paths."""

from __future__ import annotations

import shutil
import subprocess
import warnings
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont
KNOWN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
)


@cache
def find_cjk_font() -> tuple[str, int] | None:
    """(path, face index) of a font with Simplified Chinese, or None."""
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}|%{index}", ":lang=zh-cn"],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout
            path, _, index = out.partition("|")
            if path and Path(path).is_file() and _has_chinese(path, int(index or 0)):
                return path, int(index or 0)
        except (OSError, subprocess.SubprocessError, ValueError):
            pass
    for path in KNOWN_FONTS:
        if Path(path).is_file():
            return path, 2 if "NotoSansCJK" in path else 0  # face 2 of Noto CJK is SC
    return None


def _has_chinese(path: str, index: int) -> bool:
    font = ImageFont.truetype(path, 24, index=index)
    return _glyph_bitmap(font, "中") != _glyph_bitmap(font, "\U0010fffd")


def _glyph_bitmap(font: FontType, ch: str) -> bytes:
    image = Image.new("L", (64, 64), 0)
    ImageDraw.Draw(image).text((0, 0), ch, font=font, fill=255)
    return image.tobytes()


@cache
def load_font(size: int) -> FontType:
    """The CJK font at ``size`` pixels; Pillow's default font (with a warning) if there is none."""
    found = find_cjk_font()
    if found is None:
        warnings.warn(
            "no CJK font found (install fonts-wqy-microhei or fonts-noto-cjk); "
            "Chinese will show as boxes in ticket previews",
            RuntimeWarning,
            stacklevel=2,
        )
        return ImageFont.load_default(size)
    return ImageFont.truetype(found[0], size, index=found[1])


@cache
def has_glyph(ch: str) -> bool:
    """Whether the font draws ``ch`` (whitespace counts as drawn), tested at 24 pixels."""
    font = load_font(24)
    return ch.isspace() or _glyph_bitmap(font, ch) != _glyph_bitmap(font, "\U0010fffd")
