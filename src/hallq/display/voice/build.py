"""Render the hall's names as clips with espeak-ng, in pure Python past espeak-ng. No Qt.

espeak-ng (voice ``cmn-latn-pinyin``, which reads Chinese characters with their tones) writes a
WAV in the clips' format; the leading and trailing silence is trimmed and the level normalised
here, as ``make_clips`` does with sox for the shipped words, so a name sounds as loud as the
words around it. Needs only espeak-ng.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import wave
from array import array
from pathlib import Path

from hallq.display.voice.clips import FORMAT, WavFormat
from hallq.display.voice.names import name_clip
from hallq.display.voice.wav import wav_bytes
from hallq.display.voice.words import ZH_VOICE

SPEED_WPM = 150  # as the shipped Chinese words
QUIET = 0.005  # below 0.5 % of full scale is silence (sox's ``silence 1 0.01 0.5%``)
HOLD_MS = 10  # sound must last this long to count as the start or end
PEAK = 10 ** (-1 / 20)  # normalised to -1 dBFS (sox ``norm -1``)


class BuildError(RuntimeError):
    """espeak-ng missing or failing; the message says what to do."""


def espeak() -> str:
    found = shutil.which("espeak-ng")
    if found is None:
        raise BuildError("espeak-ng is not installed (Debian: apt install espeak-ng; "
                         "see scripts/debian-packages-demo.txt); or record the clips yourself")
    return found


def trimmed(samples: array[int], rate: int) -> array[int]:
    """Without leading and trailing silence: from the first loud sample of the first loud
    ``HOLD_MS`` frame to the last loud sample of the last one."""
    level, hold = QUIET * 32767, max(1, rate * HOLD_MS // 1000)
    loud = [i for i in range(0, len(samples), hold)
            if max((abs(v) for v in samples[i:i + hold]), default=0) > level]
    if not loud:
        return array("h")
    end = min(len(samples), loud[-1] + hold)
    first = next(i for i in range(loud[0], end) if abs(samples[i]) > level)
    last = next(i for i in range(end - 1, first - 1, -1) if abs(samples[i]) > level)
    return samples[first:last + 1]


def normalised(samples: array[int]) -> array[int]:
    top = max((abs(v) for v in samples), default=0)
    if not top:
        return samples
    scale = PEAK * 32767 / top
    return array("h", (max(-32768, min(32767, round(v * scale))) for v in samples))


def render(text: str, fmt: WavFormat = FORMAT) -> bytes:
    """A clip of ``text`` said by espeak-ng, trimmed and normalised, as WAV bytes."""
    done = subprocess.run([espeak(), "-v", ZH_VOICE, "-s", str(SPEED_WPM), "--stdout", text],
                          capture_output=True, timeout=60, check=False)
    if done.returncode != 0 or not done.stdout:
        raise BuildError(f"espeak-ng could not say {text!r}: "
                         f"{done.stderr.decode(errors='replace').strip()}")
    with wave.open(io.BytesIO(done.stdout), "rb") as w:
        got = WavFormat(w.getnchannels(), w.getsampwidth(), w.getframerate())
        frames = w.readframes(w.getnframes())
    if got != fmt:
        raise BuildError(f"espeak-ng wrote {got}, clips need {fmt}")
    raw = array("h", frames)
    if sys.byteorder == "big":
        raw.byteswap()
    samples = trimmed(raw, fmt.rate)
    if not samples:
        raise BuildError(f"espeak-ng said nothing for {text!r}")
    return wav_bytes(normalised(samples), fmt)


def build(names: list[str], out: Path) -> list[Path]:
    """Render every name into ``out`` (``<name>.wav``); returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for text in names:
        target = out / f"{name_clip(text)}.wav"
        target.write_bytes(render(text))
        written.append(target)
    return written
