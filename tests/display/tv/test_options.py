"""What a display is for and how it sounds, from ``[display]`` and the command line."""

from __future__ import annotations

import argparse

import pytest

from hallq.client.app_options import app_section
from hallq.display.tv.cli import configure
from hallq.display.tv.options import Zone, from_config
from tests.live_server import HALL


def args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    configure(parser)
    return parser.parse_args(list(argv))


def test_the_example_hall_shows_everything_and_speaks() -> None:
    options = from_config(app_section(HALL, "display"), args())
    assert options.zone == Zone() and options.voice and options.notice is None
    assert options.voice_settings.repeat == 2 and not options.voice_settings.english


def test_the_command_line_wins_over_the_section() -> None:
    section = {"windows": ["1", "2"], "voice": True, "repeat": 3, "notice": "本区办理税务"}
    options = from_config(section, args("--windows", "9, 10", "--services", "tax",
                                        "--no-voice", "--english-voice"))
    assert options.zone == Zone(frozenset({"9", "10"}), frozenset({"tax"}))
    assert not options.voice and options.voice_settings.english
    assert options.voice_settings.repeat == 3 and options.notice == "本区办理税务"


def test_a_zone_of_services_shows_the_windows_that_serve_them() -> None:
    zone = Zone(services=frozenset({"tax"}))
    assert zone.shows_window({"id": "9", "services": ["tax"]})
    assert zone.shows_window({"id": "20", "services": ["*"]})
    assert not zone.shows_window({"id": "5", "services": ["estate"]})
    windows = [{"id": "1", "services": ["biz", "tax"]}]
    assert Zone(windows=frozenset({"1"})).shown_services(["biz", "estate", "tax"], windows) \
        == ["biz", "tax"]


@pytest.mark.parametrize(("section", "message"), [
    ({"repeat": 9}, "[display] repeat: how many times a call is said, 1 to 5, not 9"),
    ({"voice": "yes"}, "[display] voice: true or false, not 'yes'"),
    ({"windows": []}, "[display] windows: give at least one id"),
    ({"windws": ["1"]}, "[display] windws: unknown key"),
    ({"page_seconds": 0}, "[display] page_seconds: a number from 2 to 600, not 0"),
])
def test_bad_keys_are_named(section: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("[", r"\[").replace("]", r"\]")):
        from_config(section)
