"""A small ESC/POS tokenizer for tests: bytes → commands and GB18030 text runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    name: str  # "ESC @", "GS !", "TEXT", "LF", ...
    args: bytes = b""
    text: str = ""


FIXED = {  # prefix → (name, number of argument bytes)
    b"\x1b@": ("ESC @", 0), b"\x1ba": ("ESC a", 1), b"\x1bE": ("ESC E", 1),
    b"\x1bd": ("ESC d", 1), b"\x1d!": ("GS !", 1), b"\x1c&": ("FS &", 0),
    b"\x1c.": ("FS .", 0), b"\x10\x04": ("DLE EOT", 1),
}


def tokenize(data: bytes) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    while i < len(data):
        two = data[i : i + 2]
        if two in FIXED:
            name, n = FIXED[two]
            tokens.append(Token(name, data[i + 2 : i + 2 + n]))
            i += 2 + n
        elif data[i] == 0x0A:
            tokens.append(Token("LF"))
            i += 1
        elif data[i : i + 3] == b"\x1d(k":
            size = int.from_bytes(data[i + 3 : i + 5], "little")
            tokens.append(Token("GS ( k", data[i + 5 : i + 5 + size]))
            i += 5 + size
        elif two == b"\x1dV":
            n = 2 if data[i + 2] in (65, 66) else 1
            tokens.append(Token("GS V", data[i + 2 : i + 2 + n]))
            i += 2 + n
        elif data[i : i + 3] == b"\x1dv0":
            width = int.from_bytes(data[i + 4 : i + 6], "little")
            rows = int.from_bytes(data[i + 6 : i + 8], "little")
            tokens.append(Token("GS v 0", data[i + 3 : i + 8 + width * rows]))
            i += 8 + width * rows
        elif data[i] < 0x20:
            raise ValueError(f"unknown command at byte {i}: {data[i : i + 4]!r}")
        else:
            end = i
            while end < len(data) and data[end] >= 0x20:
                end += 1
            raw = data[i:end]
            tokens.append(Token("TEXT", raw, raw.decode("gb18030")))
            i = end
    return tokens


@dataclass(frozen=True)
class Line:
    text: str
    size: int  # GS ! magnification (height == width here)
    bold: bool
    align: int
    chinese: bool  # inside FS & ... FS .


def text_lines(tokens: list[Token]) -> list[Line]:
    """The printed text lines with the character settings in force when each was printed."""
    size, bold, align, chinese, text = 1, False, 0, False, ""
    lines: list[Line] = []
    for t in tokens:
        if t.name == "ESC @":
            size, bold, align, chinese = 1, False, 0, False
        elif t.name == "GS !":
            size = (t.args[0] & 0x07) + 1
        elif t.name == "ESC E":
            bold = bool(t.args[0] & 1)
        elif t.name == "ESC a":
            align = t.args[0]
        elif t.name in ("FS &", "FS ."):
            chinese = t.name == "FS &"
        elif t.name == "TEXT":
            text += t.text
        elif t.name == "LF" and text:
            lines.append(Line(text, size, bold, align, chinese))
            text = ""
    return lines


def qr_payloads(tokens: list[Token]) -> list[bytes]:
    """Data stored with GS ( k cn=49 fn=80 (QR store), in order."""
    return [t.args[3:] for t in tokens if t.name == "GS ( k" and t.args[:2] == b"1P"]
