"""What an announcement says: a flat list of clips, gaps and (rarely) text for system TTS. No Qt.

"请 A零一二 号 到 三号窗口 办理", optionally repeated and followed by
"Number A zero one two, please go to window three". A window name that is neither a number nor
a letter-and-digit code (e.g. 帮办代办窗口) is said by its own clip (``names``: built by
``hallq voice build`` or recorded by the hall) when ``has_clip`` finds one; without one it is
read by the window's id when that is a number or code ("到 十四 号 窗口"), so nothing is left
silent; only a window known by neither becomes a ``Say`` part, spoken by system TTS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hallq.display.voice.names import name_clip
from hallq.display.voice.reading import (
    ReadingError,
    WindowReading,
    number_en,
    number_zh,
    read_window,
    spell,
    ticket_en,
    ticket_zh,
)

CHIME = "chime"


@dataclass(frozen=True)
class Clip:
    name: str


@dataclass(frozen=True)
class Gap:
    ms: int


@dataclass(frozen=True)
class Say:
    """Text with no clips, for system TTS; ``locale`` like ``zh_CN`` or ``en_US``."""

    text: str
    locale: str


Part = Clip | Gap | Say


@dataclass(frozen=True)
class VoiceSettings:
    """How announcements sound. ``repeat`` is how many times the sentence is said in all."""

    repeat: int = 1
    english: bool = False
    chime: bool = True
    word_gap_ms: int = 30
    phrase_gap_ms: int = 180
    chime_gap_ms: int = 250
    repeat_gap_ms: int = 700
    service: bool = False  # end with the ticket's service name ("办理 企业开办") when it has a clip

    def __post_init__(self) -> None:
        if not 1 <= self.repeat <= 5:
            raise ReadingError(f"repeat: {self.repeat} is not between 1 and 5")
        gaps = (self.word_gap_ms, self.phrase_gap_ms, self.chime_gap_ms, self.repeat_gap_ms)
        if any(not 0 <= g <= 5000 for g in gaps):
            raise ReadingError("gaps: each gap must be between 0 and 5000 ms")


HasClip = Callable[[str], bool]


def _no_clip(name: str) -> bool:
    return False


def window_reading(window: str, window_id: str | None, has_clip: HasClip) -> WindowReading:
    """How the window will be read: its name's clip, its name or its id as a number or code,
    else text for system TTS. Raises ReadingError for an empty window."""
    reading = read_window(window)
    if reading.text is None or has_clip(name_clip(reading.text)):
        return reading
    if window_id and window_id.strip():
        by_id = read_window(window_id)
        if by_id.text is None:
            return by_id
    return reading


def _place(reading: WindowReading, lang: str, has_clip: HasClip) -> list[Clip | Say]:
    number = number_zh if lang == "zh" else number_en
    if reading.number is not None:
        said = [*map(Clip, number(reading.number))]
    elif reading.spelled is not None:
        said = [*map(Clip, spell(reading.spelled, lang))]
    elif has_clip(name_clip(reading.text or "")):
        return [Clip(name_clip(reading.text or ""))]  # the name says it is a window
    else:
        return [Say(reading.text or "", "zh_CN")]
    return [*said, Clip("zh_hao"), Clip("zh_chuangkou")] if lang == "zh" else \
        [Clip("en_window"), *said]


def _phrases_zh(ticket: str, reading: WindowReading, service: str | None,
                has_clip: HasClip) -> list[list[Clip | Say]]:
    head: list[Clip | Say] = [Clip("zh_qing"), *map(Clip, ticket_zh(ticket)), Clip("zh_hao")]
    tail: list[Clip | Say] = [Clip("zh_banli")]
    if service and has_clip(name_clip(service)):
        tail.append(Clip(name_clip(service)))
    return [head, [Clip("zh_dao"), *_place(reading, "zh", has_clip)], tail]


def _phrases_en(ticket: str, reading: WindowReading,
                has_clip: HasClip) -> list[list[Clip | Say]]:
    head: list[Clip | Say] = [Clip("en_number"), *map(Clip, ticket_en(ticket))]
    return [head, [Clip("en_please_go_to"), *_place(reading, "en", has_clip)]]


def _join(phrases: list[list[Clip | Say]], settings: VoiceSettings) -> list[Part]:
    out: list[Part] = []
    for i, phrase in enumerate(phrases):
        if i:
            out.append(Gap(settings.phrase_gap_ms))
        for j, word in enumerate(phrase):
            if j and settings.word_gap_ms:
                out.append(Gap(settings.word_gap_ms))
            out.append(word)
    return out


def announcement(ticket: str, window: str, settings: VoiceSettings | None = None, *,
                 window_id: str | None = None, service: str | None = None,
                 has_clip: HasClip = _no_clip) -> list[Part]:
    """The parts of one call or recall, in the order they are heard. ``window`` is the window's
    name, ``window_id`` its id (read when the name has no clip), ``service`` the ticket's service
    name (said when ``settings.service`` and it has a clip); ``has_clip`` tells which name clips
    exist. Raises ReadingError (a ValueError naming the field) for a bad ticket or window.
    """
    settings = settings or VoiceSettings()
    reading = window_reading(window, window_id, has_clip)
    said_service = service if settings.service else None
    sentence = _join(_phrases_zh(ticket, reading, said_service, has_clip), settings)
    if settings.english:
        sentence += [Gap(settings.repeat_gap_ms),
                     *_join(_phrases_en(ticket, reading, has_clip), settings)]
    out: list[Part] = [Clip(CHIME), Gap(settings.chime_gap_ms)] if settings.chime else []
    for i in range(settings.repeat):
        if i:
            out.append(Gap(settings.repeat_gap_ms))
        out += sentence
    return out


def clip_names(parts: list[Part]) -> list[str]:
    """Just the clip names, in order (for tests and for checking a clip set)."""
    return [p.name for p in parts if isinstance(p, Clip)]
