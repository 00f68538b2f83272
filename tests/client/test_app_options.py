"""The options every app shares: a bad --size is refused by name, a good one is a window size."""

from __future__ import annotations

import argparse

import pytest

from hallq.client.app_options import add_common


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(prog="hallq kiosk")
    add_common(made, "HALLQ_KIOSK_TOKEN")
    return made


def test_size_gives_the_window_size_for_trying_an_app_in_a_window() -> None:
    args = parser().parse_args(["--windowed", "--size", "1080x1920"])
    assert args.windowed and args.size == (1080, 1920)
    assert parser().parse_args([]).size is None  # the app's own default


@pytest.mark.parametrize("bad", ["1920", "1920x", "x1080", "big", "100x100", "1920×1080"])
def test_a_bad_size_is_refused_naming_the_option(bad: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["--size", bad])
    assert "argument --size" in capsys.readouterr().err
