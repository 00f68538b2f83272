"""The assembled WAV: format, length, order of clips, loudness, and a hall's own clips."""

from __future__ import annotations

import io
import math
import wave
from array import array
from pathlib import Path

import pytest

from hallq.display.voice.clips import FORMAT, SHIPPED_DIR, ClipError, ClipSet, read_clip
from hallq.display.voice.script import Clip, Gap, Say, VoiceSettings, announcement, clip_names
from hallq.display.voice.wav import join, render_chunks, render_wav, spoken_text, wav_bytes
from hallq.display.voice.words import WORDS

SETTINGS = VoiceSettings(english=True)


def samples_of(wav: bytes) -> array[int]:
    with wave.open(io.BytesIO(wav), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        return array("h", w.readframes(w.getnframes()))


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def tone(hz: float, seconds: float) -> array[int]:
    n = int(FORMAT.rate * seconds)
    return array("h", (int(12000 * math.sin(2 * math.pi * hz * i / FORMAT.rate)) for i in range(n)))


def test_every_shipped_clip_exists_in_the_one_format_and_is_listed_in_the_readme() -> None:
    readme = (SHIPPED_DIR / "README.md").read_text(encoding="utf-8")
    for name in WORDS:
        samples = read_clip(SHIPPED_DIR / f"{name}.wav")
        assert len(samples) > FORMAT.rate // 10, name
        assert rms(samples) > 1000, name
        assert f"`{name}.wav`" in readme


def test_wav_is_mono_16_bit_and_as_long_as_its_clips_and_gaps() -> None:
    clips = ClipSet()
    parts = announcement("A012", "3", SETTINGS)
    expected = sum(len(clips.samples(p.name)) for p in parts if isinstance(p, Clip))
    expected += sum(FORMAT.rate * p.ms // 1000 for p in parts if isinstance(p, Gap))
    samples = samples_of(render_wav(parts, clips))
    assert len(samples) == expected
    assert 4.0 < len(samples) / FORMAT.rate < 15.0


def test_clips_are_heard_in_order_chime_first() -> None:
    clips = ClipSet()
    parts = announcement("A012", "105", SETTINGS)
    out = samples_of(render_wav(parts, clips)).tobytes()
    position = 0
    for name in clip_names(parts):
        found = out.find(clips.samples(name).tobytes(), position)
        assert found >= position and found % 2 == 0, f"{name} not found after byte {position}"
        position = found + 2 * len(clips.samples(name))
    assert out.startswith(clips.samples("chime").tobytes())


def test_announcement_is_loud_enough_and_gaps_are_silent() -> None:
    clips = ClipSet()
    samples = samples_of(render_wav(announcement("A012", "3"), clips))
    assert rms(samples) > 2000
    chime = len(clips.samples("chime"))
    gap = samples[chime:chime + FORMAT.rate * 250 // 1000]
    assert len(gap) > 0 and max(abs(s) for s in gap) == 0


def test_own_clip_overrides_just_that_clip(tmp_path: Path) -> None:
    (tmp_path / "zh_qing.wav").write_bytes(wav_bytes(tone(440, 0.3)))
    own, shipped = ClipSet(override_dir=tmp_path), ClipSet()
    out = samples_of(render_wav(announcement("A012", "3"), own)).tobytes()
    assert tone(440, 0.3).tobytes() in out
    assert shipped.samples("zh_qing").tobytes() not in out
    assert shipped.samples("zh_banli").tobytes() in out


def test_own_clip_in_another_format_is_reported_and_the_shipped_one_used(tmp_path: Path) -> None:
    with wave.open(str(tmp_path / "zh_qing.wav"), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(bytes(4000))
    clips = ClipSet(override_dir=tmp_path)
    assert clips.samples("zh_qing") == ClipSet().samples("zh_qing")
    assert "needs mono 16-bit 22050 Hz" in clips.problems[0]


def test_missing_clip_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ClipError, match=r"zh_qing\.wav"):
        join([Clip("zh_qing")], ClipSet(shipped_dir=tmp_path))


def test_window_without_clips_is_cut_out_for_system_speech() -> None:
    parts = announcement("A012", "综合受理区")
    chunks = render_chunks(parts, ClipSet())
    assert [type(c) for c in chunks] == [bytes, Say, bytes]
    assert chunks[1] == Say("综合受理区", "zh_CN")
    with pytest.raises(ValueError, match=r"^window:"):
        render_wav(parts, ClipSet())
    assert spoken_text(parts).startswith("请 A 零一二号，到综合受理区")
