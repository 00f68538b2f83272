"""Which names need a clip, what their files are called, and which folder wins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hallq.display.voice.clips import SHIPPED_DIR
from hallq.display.voice.names import hall_clips, hall_names, name_clip, needs_clip
from tests.display.voice.namefix import example_names


def test_the_example_hall_needs_clips_for_its_assistance_desk_and_every_service() -> None:
    names = example_names()
    assert names.to_render() == ["帮办代办窗口", "企业开办", "不动产登记", "社保医保", "公积金",
                                 "税务", "公安户政", "出入境", "车驾管", "水电气报装", "综合受理",
                                 "帮办代办"]
    assert ("14", "帮办代办窗口") in names.windows


@pytest.mark.parametrize(("name", "needed"), [("3号窗口", False), ("A3", False), ("窗口 12", False),
                                              ("帮办代办窗口", True), ("综合受理区", True)])
def test_numbers_and_codes_are_read_from_the_words(name: str, needed: bool) -> None:
    assert needs_clip(name) is needed


def test_a_clip_is_named_after_the_text_itself() -> None:
    assert name_clip(" 帮办代办窗口 ") == "帮办代办窗口"
    assert name_clip('水/电:气*报?装"<>|') == "水_电_气_报_装_"


def test_the_halls_own_recording_wins_over_the_built_clip_and_the_shipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLQ_DATA", str(tmp_path))
    own, built = tmp_path / "voice" / "own", tmp_path / "voice" / "built"
    own.mkdir(parents=True)
    built.mkdir(parents=True)
    for folder in (own, built):
        shutil.copy(SHIPPED_DIR / "zh_1.wav", folder / "帮办代办窗口.wav")
    shutil.copy(SHIPPED_DIR / "zh_2.wav", own / "zh_qing.wav")
    clips = hall_clips()
    assert clips.path("帮办代办窗口") == own / "帮办代办窗口.wav"
    assert clips.path("zh_qing") == own / "zh_qing.wav"  # a shipped word re-recorded
    assert clips.path("zh_hao") == SHIPPED_DIR / "zh_hao.wav"
    (own / "帮办代办窗口.wav").unlink()
    assert hall_clips().path("帮办代办窗口") == built / "帮办代办窗口.wav"
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(SHIPPED_DIR / "zh_3.wav", extra / "zh_qing.wav")
    assert hall_clips(extra).path("zh_qing") == extra / "zh_qing.wav"  # --clips wins


def test_a_config_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"nothing\.toml: cannot read"):
        hall_names(tmp_path / "nothing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[windows]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml: not valid TOML"):
        hall_names(bad)
