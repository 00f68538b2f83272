"""Every clip of the shipped set: its name, what it says, and how espeak-ng renders it. No Qt.

One table serves the clip generator (``make_clips``), the TTS fallback (``caption``) and the
clip list in ``clips/README.md``. Chinese uses espeak-ng voice ``cmn-latn-pinyin`` with tone
numbers; letters are said by their English names in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

ZH_VOICE = "cmn-latn-pinyin"
EN_VOICE = "en"


@dataclass(frozen=True)
class Word:
    caption: str  # what the clip says, as text (also what system TTS says in its place)
    voice: str  # espeak-ng voice, or "" for a clip not made by espeak-ng (the chime)
    espeak: str  # the text given to espeak-ng


_ZH_DIGITS = "零一二三四五六七八九"
_ZH_PINYIN = ["ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"]
_EN_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
               "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

WORDS: dict[str, Word] = {
    "chime": Word("", "", ""),
    "zh_qing": Word("请", ZH_VOICE, "qing3"),
    "zh_hao": Word("号", ZH_VOICE, "hao4"),
    "zh_dao": Word("到", ZH_VOICE, "dao4"),
    "zh_chuangkou": Word("窗口", ZH_VOICE, "chuang1 kou3"),
    "zh_banli": Word("办理", ZH_VOICE, "ban4 li3"),
    "zh_shi": Word("十", ZH_VOICE, "shi2"),
    "zh_bai": Word("百", ZH_VOICE, "bai3"),
    **{f"zh_{d}": Word(_ZH_DIGITS[d], ZH_VOICE, _ZH_PINYIN[d]) for d in range(10)},
    **{f"letter_{c.lower()}": Word(c, EN_VOICE, c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    "en_number": Word("Number", EN_VOICE, "Number"),
    "en_please_go_to": Word("please go to", EN_VOICE, "please go to"),
    "en_window": Word("window", EN_VOICE, "window"),
    "en_hundred": Word("hundred", EN_VOICE, "hundred"),
    **{f"en_{n}": Word(w, EN_VOICE, w) for n, w in enumerate(_EN_NUMBERS)},
    **{f"en_{20 + 10 * i}": Word(w, EN_VOICE, w) for i, w in enumerate(_EN_TENS)},
}


def caption(name: str) -> str:
    """What a clip says, as text; an unknown name reads as itself."""
    word = WORDS.get(name)
    return word.caption if word is not None else name
