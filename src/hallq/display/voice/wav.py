"""Join clips and gaps into one WAV, in pure Python (``wave`` + ``array``). No Qt.

``render_wav`` makes one WAV of a whole announcement (for the CLI and the bench);
``render_chunks`` cuts it where a part has no clip (``Say``), so the queue can play WAV, then
system TTS, then WAV again, in order.
"""

from __future__ import annotations

import io
import sys
import wave
from array import array

from hallq.display.voice.clips import FORMAT, ClipSet, WavFormat
from hallq.display.voice.script import Clip, Gap, Part, Say
from hallq.display.voice.words import caption


def silence(ms: int, fmt: WavFormat = FORMAT) -> array[int]:
    return array("h", bytes(fmt.sample_width * (fmt.rate * ms // 1000)))


def join(parts: list[Part], clips: ClipSet) -> array[int]:
    """The samples of clips and gaps in order; a ``Say`` part is an error here."""
    out = array("h")
    for part in parts:
        if isinstance(part, Clip):
            out += clips.samples(part.name)
        elif isinstance(part, Gap):
            out += silence(part.ms, clips.format)
        else:
            raise ValueError(f"window: {part.text!r} has no clips; only system TTS can say it")
    return out


def wav_bytes(samples: array[int], fmt: WavFormat = FORMAT) -> bytes:
    """A complete WAV file (RIFF header and little-endian samples) in memory."""
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(fmt.channels)
        w.setsampwidth(fmt.sample_width)
        w.setframerate(fmt.rate)
        w.writeframes(samples.tobytes())
    return buffer.getvalue()


def render_wav(parts: list[Part], clips: ClipSet) -> bytes:
    """One WAV of the whole announcement; ValueError when a part needs system TTS."""
    return wav_bytes(join(parts, clips), clips.format)


Chunk = bytes | Say


def render_chunks(parts: list[Part], clips: ClipSet) -> list[Chunk]:
    """WAVs of the runs of clips and gaps, with ``Say`` parts between them, in order."""
    chunks: list[Chunk] = []
    run: list[Part] = []
    for part in [*parts, None]:
        if isinstance(part, Clip | Gap):
            run.append(part)
            continue
        if any(isinstance(p, Clip) for p in run):
            chunks.append(render_wav(run, clips))
        run = []
        if part is not None:
            chunks.append(part)
    return chunks


def spoken_text(parts: list[Part]) -> str:
    """The announcement as text for system TTS, when no clips can be used at all."""
    words: list[str] = []
    for part in parts:
        if isinstance(part, Say):
            words.append(part.text)
        elif isinstance(part, Clip) and caption(part.name):
            words.append(caption(part.name))
        elif isinstance(part, Gap) and part.ms >= 150 and words and words[-1] != "，":
            words.append("，")
    text = "".join(w if not w.isascii() or w == "，" else f" {w} " for w in words)
    return " ".join(text.split()).strip("， ")


def duration_s(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav), "rb") as w:
        return w.getnframes() / w.getframerate()
