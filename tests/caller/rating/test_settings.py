"""The pad's ``[rating]`` keys: read, checked with the key named, photos found safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.caller.rating.settings import PadSettings, parse_settings
from hallq.client.app_options import app_section
from tests.live_server import HALL


def test_the_example_hall_configures_the_pad() -> None:
    settings = parse_settings(app_section(HALL, "rating"), app_section(HALL, "policy"),
                              HALL.parent)
    assert settings.timeout_s == 30 and settings.thanks_s == 4
    assert settings.photos == HALL.parent / "photos"
    assert settings.reasons[0] == "服务态度差" and "其他" in settings.reasons


@pytest.mark.parametrize("section, key", [
    ({"timeout_seconds": 0}, "timeout_seconds"), ({"timeout_seconds": "30"}, "timeout_seconds"),
    ({"thanks_seconds": True}, "thanks_seconds"), ({"photos": 3}, "photos"),
])
def test_a_bad_value_names_its_key(section: dict[str, object], key: str) -> None:
    with pytest.raises(SystemExit, match=key):
        parse_settings(section, {}, Path("."))


def test_photos_by_configured_name_then_clerk_id_never_outside_the_folder(
        tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "c03.jpeg").write_bytes(b"x")
    (folder / "zhang.png").write_bytes(b"x")
    (tmp_path / "secret.png").write_bytes(b"x")
    settings = PadSettings(photos=folder)
    assert settings.photo_of("c03") == folder / "c03.jpeg"
    assert settings.photo_of("c03", "zhang.png") == folder / "zhang.png"
    assert settings.photo_of("c03", "../secret.png") == folder / "c03.jpeg"
    assert settings.photo_of("c09") is None and PadSettings().photo_of("c03") is None
