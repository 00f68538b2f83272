"""``hallq display`` as its own process, read through the probe as the demo reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hallq.apps import DISPLAY, WINDOWS, Hall


@pytest.mark.slow
def test_hallq_display_shows_a_paused_window_and_the_calls(tmp_path: Path) -> None:
    hall = Hall(tmp_path)
    try:
        hall.start_server()
        hall.call("POST", "/api/windows/5/login", WINDOWS, {"clerk": "c05", "pin": "5678"})
        hall.call("POST", "/api/windows/5/pause", WINDOWS, {"reason": "午休"})
        hall.start_app("display", "display", "--token", DISPLAY, "--no-voice")
        texts = hall.shows("display", "暂停服务")
        assert "午休" in texts and "示例县政务服务中心" in texts
        hall.call("POST", "/api/windows/1/login", WINDOWS, {"clerk": "c01", "pin": "1234"})
        hall.call("POST", "/api/tickets", None, {"service": "biz"})
        hall.call("POST", "/api/windows/1/next", WINDOWS)
        texts = hall.shows("display", "请到1号窗口办理")
        assert texts.count("A001") == 2  # the newest call and window 1's tile
    finally:
        hall.close()


def test_a_bad_display_section_is_refused_by_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from hallq.display.tv.cli import configure, run

    config = tmp_path / "hall.toml"
    config.write_text("[display]\nrepeat = 9\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    configure(parser)
    assert run(parser.parse_args(["--config", str(config), "--token", "t"])) == 2
    assert "repeat: how many times a call is said, 1 to 5, not 9" in capsys.readouterr().err


@pytest.mark.slow
def test_all_screens_gets_one_display_each_and_one_voice() -> None:
    done = subprocess.run([sys.executable, "-m", "tests.display.tv.all_screens"],
                          capture_output=True, text=True, timeout=60, check=False)
    shown = sorted(line.split() for line in done.stdout.splitlines()
                   if not line.startswith("exit"))
    assert [w[:6] + w[7:] for w in shown] == [
        ["door", "1920", "0", "1080", "1920", "portrait", "示例县政务服务中心"],
        ["hall", "0", "0", "1920", "1080", "16:9", "示例县政务服务中心"]], done.stderr
    assert sorted(w[6] for w in shown) == ["silent", "voice"]  # each call is said once
    assert "exit 0" in done.stdout
