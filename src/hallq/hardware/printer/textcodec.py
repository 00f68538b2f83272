"""Chinese text for the printer: GB18030 bytes, and which characters a font can really print.

python-escpos's own text encoding is not used: it picks code pages character by character and
mangles full-width punctuation (，。（）) and rare characters. Here every character is either
printable by the profile's font and sent as GB18030, or replaced by a visible mark and reported.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

Printable = Callable[[str], bool]
NO_LINE_START = "，。、：；！？）】」』,.:;!?)"


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def charset_printable(charset: str) -> Printable:
    """A test for "this font can print ``ch``" for one of the profile charsets.

    ``gb18030`` means the Basic Multilingual Plane part of GB18030 (what printer fonts carry);
    characters beyond it (CJK Ext. B and up, emoji) are encodable but have no glyph.
    """
    def printable(ch: str) -> bool:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return False  # controls would be read as printer commands
        if ord(ch) < 0x80:
            return True
        if charset == "ascii":
            return False
        if charset == "gb18030":
            return ord(ch) < 0x10000 and _encodes(ch, "gb18030")
        return _encodes(ch, charset)

    return printable


def replace_unprintable(
    text: str, printable: Printable, replacement: str, replaced: list[str]
) -> str:
    """``text`` with each unprintable character replaced; those characters go into ``replaced``."""
    out = []
    for ch in text:
        if printable(ch):
            out.append(ch)
        else:
            out.append(replacement)
            if ch not in replaced:
                replaced.append(ch)
    return "".join(out)


def display_width(text: str) -> int:
    """Columns ``text`` takes at normal size: ASCII one, anything else (Chinese font) two."""
    return sum(1 if ord(ch) < 0x80 else 2 for ch in text)


def _in_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "'-")


def wrap(text: str, columns: int, indent: int = 0) -> list[str]:
    """Break ``text`` into lines of at most ``columns``; later lines get ``indent`` spaces."""
    columns = max(columns, 2)
    lines: list[str] = []
    line, width = "", 0
    for ch in text:
        w = display_width(ch)
        if width + w > columns and line.strip():
            carry = ""
            if ch.isascii() and ch != " " and _in_word(line[-1]) \
                    and line.rfind(" ") > indent:
                cut = line.rfind(" ")  # an English word goes whole to the next line
                line, carry = line[:cut], line[cut + 1:]
            elif ch in NO_LINE_START and len(line.strip()) > 1:
                line, carry = line[:-1], line[-1]  # keep 、，。） off the start of a line
            lines.append(line.rstrip())
            line, width = " " * indent + carry, indent + display_width(carry)
            if ch == " " and not carry:
                continue  # the break takes the place of the space
        line += ch
        width += w
    lines.append(line.rstrip())
    return lines


def encode_gb18030(text: str) -> bytes:
    """GB18030 bytes of already-checked text (ASCII stays one byte, no byte below 0x20)."""
    return text.encode("gb18030")
