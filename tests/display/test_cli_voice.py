"""``hallq voice build`` as a hall's IT person runs it: clips for every name that needs one, in
the data folder or a given folder; then ``hallq announce`` says the assistance desk's name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hallq.display.voice.clips import FORMAT, read_clip
from tests.display.voice.namefix import example_names, longest_silence_ms, samples_of


def hallq(*args: str, data: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HALLQ_DATA": str(data), "PATH": path or os.environ["PATH"]}
    env.pop("HALLQ_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "hallq", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=data.parent, check=False)


def test_build_writes_every_name_into_the_data_folder_and_announce_uses_it(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = hallq("voice", "build", data=data)
    assert done.returncode == 0, done.stderr
    built = data / "voice" / "built"
    for name in example_names().to_render():
        read_clip(built / f"{name}.wav", FORMAT)
        assert f"{built / name}.wav  {name}" in done.stdout
    assert "13 windows need no clip" in done.stdout and str(data / "voice" / "own") in done.stdout
    wav = tmp_path / "l001.wav"
    said = hallq("announce", "--ticket", "L001", "--window", "帮办代办窗口", "--wav", str(wav),
                 data=data)
    assert said.returncode == 0, said.stderr
    samples = samples_of(wav.read_bytes())
    assert len(samples) > 5 * FORMAT.rate and longest_silence_ms(samples, 1.75) <= 280


def test_build_into_a_given_folder_from_a_given_config(tmp_path: Path) -> None:
    config = tmp_path / "hall.toml"
    config.write_text('[[services]]\ncode = "x"\nname = "老年人服务"\nprefix = "X"\n'
                      '[[windows]]\nid = "A1"\nname = "A1"\nservices = ["x"]\n'
                      '[[windows]]\nid = "20"\nname = "老年人专窗"\nservices = ["x"]\n',
                      encoding="utf-8")
    out = tmp_path / "clips"
    done = hallq("voice", "build", "--config", str(config), "--out", str(out),
                 data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["老年人专窗.wav", "老年人服务.wav"]
    assert not (tmp_path / "data" / "voice" / "built").exists()


def test_without_espeak_ng_it_names_the_clips_still_missing_and_where_to_record_them(
        tmp_path: Path) -> None:
    done = hallq("voice", "build", data=tmp_path / "data", path=str(tmp_path))  # no espeak-ng
    assert done.returncode == 2
    assert "espeak-ng is not installed" in done.stderr
    assert "帮办代办窗口, 企业开办" in done.stderr
    assert str(tmp_path / "data" / "voice" / "own") in done.stderr
