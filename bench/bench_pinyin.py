"""Bench of the rating pad's pinyin: from a letter key's tap to the candidates on the row.

The real ``CommentKeyboard`` (offscreen) types common readings from the shipped table, a letter
at a time, each tap a real click on the key; the clock stops when the row shows the candidates
and Qt has handled the events. The first tap loads the table (measured apart). Prints figures;
never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.figures import figure, percentile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication, QLineEdit

    from hallq.caller.rating.keyboard import CommentKeyboard
    from hallq.caller.rating.pinyin import TABLE, Pinyin
    from hallq.caller.rating.texts import TEXTS
    from hallq.client.i18n import Texts

    app = QApplication.instance() or QApplication([])
    comment = QLineEdit()
    keyboard = CommentKeyboard(Texts(TEXTS), comment)
    keyboard.show()
    keys = {b.text(): b for b in keyboard.findChildren(type(keyboard.space)) if len(b.text()) == 1}
    started = time.perf_counter()
    Pinyin.shipped()
    load_ms = (time.perf_counter() - started) * 1000
    readings = [line.split("\t")[1] for line in TABLE.read_text(encoding="utf-8").splitlines()]
    random.seed(7)
    taps: list[float] = []
    for reading in random.sample(readings[:5000], 40 if args.quick else 400):
        for letter in reading:
            started = time.perf_counter()
            keys[letter.upper()].click()
            app.processEvents()
            taps.append((time.perf_counter() - started) * 1000)
        keyboard.bar.choose(0)
    assert comment.text(), "nothing was typed"
    figure("pinyin table load (first letter of the day)", f"{load_ms:.0f} ms")
    figure(f"pinyin letter tap → candidates shown p50 ({len(taps)} taps)",
           f"{percentile(taps, 0.5):.2f} ms")
    figure("pinyin letter tap → candidates shown p99", f"{percentile(taps, 0.99):.2f} ms",
           "≤ 50 ms")


if __name__ == "__main__":
    main()
