"""Every window of the example hall is announced with no silent gap: by its built name clip
(帮办代办窗口, rendered by espeak-ng as ``hallq voice build`` does), by its number, and, where no
name clip exists at all (a Windows PC with no clips built), by its id: never by silence."""

from __future__ import annotations

import pytest

from hallq.display.voice.clips import ClipSet
from hallq.display.voice.names import name_clip
from hallq.display.voice.reading import number_zh
from hallq.display.voice.script import Clip, Say, VoiceSettings, announcement, clip_names
from hallq.display.voice.wav import render_wav
from tests.display.voice.namefix import (
    contains,
    example_built,
    example_names,
    frame_peaks,
    longest_silence_ms,
    samples_of,
)

SETTINGS = VoiceSettings()
AFTER_CHIME_S = 1.5 + SETTINGS.chime_gap_ms / 1000
LONGEST_GAP_MS = SETTINGS.phrase_gap_ms + 100  # a phrase gap and a clip's own edges, no more
WINDOWS = example_names().windows


@pytest.mark.parametrize(("window_id", "name"), WINDOWS, ids=[w for w, _ in WINDOWS])
def test_every_window_is_announced_with_no_silent_gap(window_id: str, name: str) -> None:
    clips = ClipSet(folders=[example_built()])
    parts = announcement("L001", name, SETTINGS, window_id=window_id, has_clip=clips.has)
    assert not [p for p in parts if isinstance(p, Say)]  # nothing left to system speech
    samples = samples_of(render_wav(parts, clips))
    assert longest_silence_ms(samples, AFTER_CHIME_S) <= LONGEST_GAP_MS
    said = samples[int(AFTER_CHIME_S * 22050):]
    loud = [p for p in frame_peaks(said) if p >= 3000]
    assert len(loud) > 0.5 * len(frame_peaks(said))  # speech, most of the time
    if name_clip(name) in clip_names(parts):  # the name's own clip, heard whole
        assert contains(samples, clips.samples(name_clip(name)))
    else:
        assert all(contains(samples, clips.samples(c)) for c in number_zh(int(window_id)))


def test_the_assistance_desk_is_said_by_its_built_clip() -> None:
    clips = ClipSet(folders=[example_built()])
    parts = announcement("L001", "帮办代办窗口", window_id="14", has_clip=clips.has)
    assert clip_names(parts)[-3:] == ["zh_dao", "帮办代办窗口", "zh_banli"]


def test_with_no_name_clip_the_window_is_read_by_its_number() -> None:
    clips = ClipSet()  # only the shipped words: no clip of 帮办代办窗口 anywhere
    parts = announcement("L001", "帮办代办窗口", SETTINGS, window_id="14", has_clip=clips.has)
    assert clip_names(parts)[-6:] == ["zh_dao", "zh_shi", "zh_4", "zh_hao", "zh_chuangkou",
                                      "zh_banli"]  # 请 L零零一 号 到 十四 号 窗口 办理
    samples = samples_of(render_wav(parts, clips))
    assert longest_silence_ms(samples, AFTER_CHIME_S) <= LONGEST_GAP_MS


def test_the_service_name_ends_the_sentence_when_asked_for() -> None:
    clips = ClipSet(folders=[example_built()])
    settings = VoiceSettings(service=True)
    parts = announcement("L001", "帮办代办窗口", settings, window_id="14", service="帮办代办",
                         has_clip=clips.has)
    assert parts[-3:] == [Clip("zh_banli"), parts[-2], Clip("帮办代办")]
    samples = samples_of(render_wav(parts, clips))
    assert contains(samples, clips.samples("帮办代办"))
    assert longest_silence_ms(samples, AFTER_CHIME_S) <= LONGEST_GAP_MS
    # a service with no clip is left out, without a hole
    bare = announcement("L001", "1", settings, service="没有录音的业务", has_clip=clips.has)
    assert clip_names(bare)[-1] == "zh_banli"
