"""What an announcement says: a flat list of clips, gaps and (rarely) text for system TTS. No Qt.

"请 A零一二 号 到 三号窗口 办理", optionally repeated and followed by
"Number A zero one two, please go to window three". A window name that is neither a number nor
a letter-and-digit code (e.g. 综合受理区) becomes a ``Say`` part, spoken by system TTS.
"""

from __future__ import annotations

from dataclasses import dataclass

from hallq.display.voice.reading import (
    ReadingError,
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

    def __post_init__(self) -> None:
        if not 1 <= self.repeat <= 5:
            raise ReadingError(f"repeat: {self.repeat} is not between 1 and 5")
        gaps = (self.word_gap_ms, self.phrase_gap_ms, self.chime_gap_ms, self.repeat_gap_ms)
        if any(not 0 <= g <= 5000 for g in gaps):
            raise ReadingError("gaps: each gap must be between 0 and 5000 ms")


def _phrases_zh(ticket: str, window: str) -> list[list[Clip | Say]]:
    reading = read_window(window)
    head: list[Clip | Say] = [Clip("zh_qing"), *map(Clip, ticket_zh(ticket)), Clip("zh_hao")]
    if reading.number is not None:
        place: list[Clip | Say] = [*map(Clip, number_zh(reading.number)), Clip("zh_hao"),
                                   Clip("zh_chuangkou")]
    elif reading.spelled is not None:
        place = [*map(Clip, spell(reading.spelled, "zh")), Clip("zh_hao"), Clip("zh_chuangkou")]
    else:
        place = [Say(reading.text or window, "zh_CN")]
    return [head, [Clip("zh_dao"), *place], [Clip("zh_banli")]]


def _phrases_en(ticket: str, window: str) -> list[list[Clip | Say]]:
    reading = read_window(window)
    head: list[Clip | Say] = [Clip("en_number"), *map(Clip, ticket_en(ticket))]
    if reading.number is not None:
        place: list[Clip | Say] = [Clip("en_window"), *map(Clip, number_en(reading.number))]
    elif reading.spelled is not None:
        place = [Clip("en_window"), *map(Clip, spell(reading.spelled, "en"))]
    else:
        place = [Say(reading.text or window, "zh_CN")]
    return [head, [Clip("en_please_go_to"), *place]]


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


def announcement(ticket: str, window: str, settings: VoiceSettings | None = None) -> list[Part]:
    """The parts of one call or recall, in the order they are heard.

    Raises ReadingError (a ValueError naming the field) for a bad ticket or window.
    """
    settings = settings or VoiceSettings()
    sentence = _join(_phrases_zh(ticket, window), settings)
    if settings.english:
        sentence += [Gap(settings.repeat_gap_ms), *_join(_phrases_en(ticket, window), settings)]
    out: list[Part] = [Clip(CHIME), Gap(settings.chime_gap_ms)] if settings.chime else []
    for i in range(settings.repeat):
        if i:
            out.append(Gap(settings.repeat_gap_ms))
        out += sentence
    return out


def clip_names(parts: list[Part]) -> list[str]:
    """Just the clip names, in order (for tests and for checking a clip set)."""
    return [p.name for p in parts if isinstance(p, Clip)]
