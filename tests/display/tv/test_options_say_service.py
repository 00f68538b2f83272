"""``[display] say_service``: the display ends each call with the service's name."""

from __future__ import annotations

import pytest

from hallq.display.tv.options import from_config


def test_say_service_is_off_unless_the_hall_asks_for_it() -> None:
    assert from_config({}).voice_settings.service is False
    assert from_config({"say_service": True}).voice_settings.service is True


def test_a_bad_say_service_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="say_service"):
        from_config({"say_service": "yes please"})
