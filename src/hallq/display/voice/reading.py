"""How ticket numbers and window names are read aloud, as sequences of clip names. No Qt.

Ticket numbers are read digit by digit (A012 → A 零 一 二), never as a quantity. Window numbers
are read as numbers (3 → 三, 12 → 十二, 105 → 一百零五; in English "one hundred five").
Clip names are the file names in ``display/voice/clips`` without ``.wav``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TICKET_RE = re.compile(r"^([A-Za-z]{0,3})(\d{1,6})$")
_WINDOW_NUMBER_RE = re.compile(r"^(?:第)?(\d{1,6})\s*(?:号)?\s*(?:窗口|窗)?$")
_WINDOW_WORD_FIRST_RE = re.compile(r"^(?:窗口|window)\s*(\d{1,6})$", re.IGNORECASE)
_SPELLABLE_RE = re.compile(r"^[A-Za-z0-9]+$")
_RUN_RE = re.compile(r"[A-Za-z]|\d+")

EN_TENS = {2: "en_20", 3: "en_30", 4: "en_40", 5: "en_50", 6: "en_60", 7: "en_70", 8: "en_80",
           9: "en_90"}


class ReadingError(ValueError):
    """Input that cannot be read aloud; the message names the field."""


def letter(ch: str) -> str:
    """Clip of a letter's name; the same clip serves both languages (A → ``letter_a``)."""
    return f"letter_{ch.lower()}"


def parse_ticket(ticket: str) -> tuple[str, str]:
    """Split ``A012`` into (``A``, ``012``); raise ReadingError naming the field."""
    match = TICKET_RE.match(ticket.strip())
    if match is None:
        raise ReadingError(
            f"ticket: {ticket!r} is not a ticket number (up to 3 letters then digits, e.g. A012)"
        )
    return match.group(1).upper(), match.group(2)


def ticket_zh(ticket: str) -> list[str]:
    """A012 → letter_a, zh_0, zh_1, zh_2 (digit by digit)."""
    prefix, digits = parse_ticket(ticket)
    return [letter(c) for c in prefix] + [f"zh_{d}" for d in digits]


def ticket_en(ticket: str) -> list[str]:
    """A012 → letter_a, en_0, en_1, en_2 (digit by digit)."""
    prefix, digits = parse_ticket(ticket)
    return [letter(c) for c in prefix] + [f"en_{d}" for d in digits]


def number_zh(n: int) -> list[str]:
    """Read a window number in Chinese: 3 三, 10 十, 12 十二, 20 二十, 105 一百零五.

    Numbers of 1000 and more are read digit by digit.
    """
    if n < 0:
        raise ReadingError(f"window: {n} is negative")
    if n >= 1000:
        return [f"zh_{d}" for d in str(n)]
    if n < 10:
        return [f"zh_{n}"]
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if hundreds:
        out += [f"zh_{hundreds}", "zh_bai"]
    if tens:
        if tens > 1 or hundreds:  # 十二 but 一百一十二
            out.append(f"zh_{tens}")
        out.append("zh_shi")
    elif hundreds and ones:
        out.append("zh_0")  # 一百零五
    if ones:
        out.append(f"zh_{ones}")
    return out


def number_en(n: int) -> list[str]:
    """Read a window number in English: 3 three, 12 twelve, 20 twenty, 105 one hundred five."""
    if n < 0:
        raise ReadingError(f"window: {n} is negative")
    if n >= 1000:
        return [f"en_{d}" for d in str(n)]
    hundreds, rest = divmod(n, 100)
    out: list[str] = [f"en_{hundreds}", "en_hundred"] if hundreds else []
    if rest >= 20:
        out.append(EN_TENS[rest // 10])
        if rest % 10:
            out.append(f"en_{rest % 10}")
    elif rest or not hundreds:
        out.append(f"en_{rest}")
    return out


@dataclass(frozen=True)
class WindowReading:
    """How a window is read: a number, a spelled code (``A3``) or text for system TTS."""

    number: int | None = None
    spelled: str | None = None
    text: str | None = None


def read_window(window: str) -> WindowReading:
    """Classify a window id or name: ``3``, ``3号窗口``, ``A3``, ``综合受理区``."""
    name = window.strip()
    if not name:
        raise ReadingError("window: empty; give a window number such as 3 or a window name")
    match = _WINDOW_NUMBER_RE.match(name) or _WINDOW_WORD_FIRST_RE.match(name)
    if match is not None:
        return WindowReading(number=int(match.group(1)))
    if _SPELLABLE_RE.match(name):
        return WindowReading(spelled=name)
    return WindowReading(text=name)


def spell(code: str, lang: str) -> list[str]:
    """Spell a code such as ``A3`` or ``B12``: letters by name, digit runs as numbers."""
    number = number_zh if lang == "zh" else number_en
    out: list[str] = []
    for run in _RUN_RE.findall(code):
        out += number(int(run)) if run.isdigit() else [letter(run)]
    return out
