"""Pinyin input for the rating pad's comment keyboard: from the letters a citizen taps, the
characters and words they may mean, the most frequent first (no tones; ü is typed as v).

The table (``pinyin.txt``: word, reading, the most frequent first) is made from jieba's word
frequencies and pypinyin's readings by ``make_pinyin`` and shipped with the package.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("pinyin.txt")


@dataclass(frozen=True)
class Candidate:
    text: str
    spelled: int  # how many of the typed letters it stands for (the rest stay typed)


class Pinyin:
    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self._words: dict[str, list[str]] = {}
        self._rank: dict[str, int] = {}
        for word, reading in rows:  # the most frequent first
            self._rank.setdefault(word, len(self._rank))
            self._words.setdefault(reading, []).append(word)
        self._readings = sorted(self._words)

    @staticmethod
    @cache
    def shipped() -> Pinyin:
        lines = TABLE.read_text(encoding="utf-8").splitlines()
        return Pinyin(tuple(line.split("\t", 1)) for line in lines)  # type: ignore[misc]

    def candidates(self, letters: str, limit: int = 8) -> list[Candidate]:
        """What ``letters`` may mean: whole readings of all of them, then the words whose
        reading they begin (taid: 态度), then the longest start of them that is a reading
        (fuwutaidu: 服务, which leaves taidu typed)."""
        letters = letters.lower()
        found = [Candidate(w, len(letters)) for w in self._words.get(letters, [])]
        found += [Candidate(w, len(letters)) for w in self._begun(letters, limit)]
        for n in range(len(letters) - 1, 0, -1):
            found += [Candidate(w, n) for w in self._words.get(letters[:n], [])]
        unique: dict[str, Candidate] = {}
        for c in found:
            unique.setdefault(c.text, c)
        return list(unique.values())[:limit]

    def _begun(self, letters: str, limit: int) -> list[str]:
        """The ``limit`` most frequent words whose reading begins with, and is longer than,
        ``letters``."""
        if not letters:
            return []
        words: set[str] = set()
        i = bisect_left(self._readings, letters)
        while i < len(self._readings) and self._readings[i].startswith(letters):
            if self._readings[i] != letters:
                words.update(self._words[self._readings[i]])
            i += 1
        return heapq.nsmallest(limit, words, key=self._rank.__getitem__)
