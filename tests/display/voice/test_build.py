"""Name clips rendered with the real espeak-ng: in the clips' format, trimmed, as loud as the
shipped words, and saying something; without espeak-ng a clear error."""

from __future__ import annotations

import shutil
from array import array
from pathlib import Path

import pytest

from hallq.display.voice.build import BuildError, build, normalised, trimmed
from hallq.display.voice.clips import FORMAT, read_clip
from tests.display.voice.namefix import example_built, frame_peaks


def test_every_name_clip_is_speech_in_the_clips_format() -> None:
    for path in sorted(example_built().glob("*.wav")):
        samples = read_clip(path, FORMAT)  # refuses any other format
        peaks = frame_peaks(samples)
        assert 0.4 < len(samples) / FORMAT.rate < 4, path.name  # a name, not a sentence
        assert peaks[0] > 150 and peaks[-1] > 150, path.name  # no leading or trailing silence
        assert max(peaks) > 0.85 * 32767, path.name  # normalised to -1 dBFS


def test_silence_is_trimmed_and_levels_normalised() -> None:
    quiet = array("h", [0] * 2205 + [1000, -1000] * 1000 + [0] * 2205)
    cut = trimmed(quiet, 22050)
    assert len(cut) == 2000 and cut[0] == 1000 and cut[-1] == -1000
    assert max(normalised(cut)) == round(10 ** (-1 / 20) * 32767)
    assert len(trimmed(array("h", [0] * 1000), 22050)) == 0


def test_without_espeak_ng_the_error_says_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match=r"espeak-ng is not installed.*record the clips"):
        build(["帮办代办窗口"], tmp_path)
