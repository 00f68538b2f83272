"""Bench of the voice announcements: time to assemble one announcement WAV from the clips.

``display.voice.wav.render_wav(script.announcement(...))`` for varied tickets and windows, in
Chinese alone and followed by English, with the clips already loaded (as in the running
display, where the ``ClipSet`` is made once). Also the first announcement with the clips read
from disk. Prints figures only; never asserts on time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from bench.figures import figure, percentile
from hallq.display.voice.clips import ClipSet
from hallq.display.voice.script import VoiceSettings, announcement
from hallq.display.voice.wav import duration_s, render_wav

PREFIXES = "ABCDEFGHJKL"



def _calls(count: int) -> list[tuple[str, str]]:
    pick = random.Random(5)
    return [(f"{pick.choice(PREFIXES)}{pick.randint(1, 999):03d}", str(pick.randint(1, 60)))
            for _ in range(count)]


def bench_render(runs: int, english: bool) -> None:
    settings = VoiceSettings(english=english)
    clips = ClipSet()
    first = time.perf_counter()
    render_wav(announcement("A012", "3", settings), clips)  # reads the clips it needs
    cold = 1000 * (time.perf_counter() - first)
    times, seconds = [], []
    for ticket, window in _calls(runs):
        start = time.perf_counter()
        wav = render_wav(announcement(ticket, window, settings), clips)
        times.append(1000 * (time.perf_counter() - start))
        seconds.append(duration_s(wav))
    label = "Chinese + English" if english else "Chinese"
    figure(f"voice: announcement WAV assembled, p50 ({label})",
           f"{statistics.median(times):.2f} ms")
    figure(f"voice: announcement WAV assembled, p99 ({label})", f"{percentile(times, 0.99):.2f} ms",
           "≤ 20 ms")
    figure(f"voice: first announcement, clips read from disk ({label})", f"{cold:.1f} ms")
    figure(f"voice: announcement length ({label})", f"{statistics.median(seconds):.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small run")
    args = parser.parse_args()
    runs = 50 if args.quick else 1000
    for english in (False, True):
        bench_render(runs, english)


if __name__ == "__main__":
    main()
