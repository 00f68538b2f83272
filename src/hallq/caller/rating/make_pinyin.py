"""Generate the rating pad's pinyin table: ``python -m hallq.caller.rating.make_pinyin DICT``.

``DICT`` is jieba's word list with frequencies (``jieba/dict.txt`` in the jieba 0.42.1 sdist,
MIT); the readings come from pypinyin (MIT; ``pip install pypinyin`` for this script only).
Kept: the most frequent simplified characters (with the readings they have in the words kept)
and words of two to four characters, one line each, ``word<TAB>pinyin without tones`` (ü as
v), the most frequent first. The generated table is committed (``pinyin.txt``, licences in
``pinyin-LICENSE.txt``), so neither package is needed to run hallq.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hallq.caller.rating.pinyin import TABLE

CHARACTERS, WORDS = 5000, 15000
# words a government hall's pad should not offer as a guess (台独 for taidu, where 态度 is meant);
# their characters stay, one by one
LEFT_OUT = frozenset({"台独", "藏独", "疆独", "法轮功", "婊子", "妓女", "色情", "淫秽"})


def simplified(word: str) -> bool:
    """Chinese characters of GB 2312 only (simplified; no letters, digits or punctuation)."""
    try:
        raw = word.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 * len(word) and all(b >= 0xB0 for b in raw[::2])


def syllables(word: str) -> list[str]:
    """The word's reading, a syllable per character (in context: 银行 yin hang)."""
    from pypinyin import Style, lazy_pinyin  # type: ignore[import-not-found]

    return [str(r) for r in lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)]


def table(dictionary: Path) -> list[tuple[str, str]]:
    counted: list[tuple[int, str]] = []
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, times, *_ = line.split(" ")
        if 1 <= len(word) <= 4 and simplified(word) and word not in LEFT_OUT:
            counted.append((int(times), word))
    counted.sort(key=lambda c: -c[0])
    chars = [w for _, w in counted if len(w) == 1][:CHARACTERS]
    words = [w for _, w in counted if len(w) > 1][:WORDS]
    # a character's readings: its usual one, and those it has in the words kept (行: xing,
    # and hang from 银行), not every rare reading a full dictionary lists; one heard only in
    # words counts as often as the most frequent of them (了 liao as 了解, 省 xing as 反省)
    count = {w: c for c, w in counted}
    scored = {(c, syllables(c)[0]): count[c] for c in chars}
    reading, kept = {w: syllables(w) for w in words}, set(chars)
    for w in words:  # the most frequent first
        for char, syllable in zip(w, reading[w], strict=True):
            if char in kept:
                scored.setdefault((char, syllable), count[w])
    scored.update({(w, "".join(reading[w])): count[w] for w in words})
    rows = sorted(scored, key=lambda row: -scored[row])
    return [(w, r) for w, r in rows if r.isascii() and r.isalpha()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="jieba's dict.txt")
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    rows = table(args.dictionary)
    args.out.write_text("".join(f"{w}\t{r}\n" for w, r in rows), encoding="utf-8")
    print(f"{args.out}: {len(rows)} lines")


if __name__ == "__main__":
    main()
