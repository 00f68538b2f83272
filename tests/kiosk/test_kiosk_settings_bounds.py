"""``[kiosk]`` seconds that Qt timers cannot take (nan, inf, absurd) are refused at start."""

from __future__ import annotations

import pytest

from hallq.kiosk import cli


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e23, -5])
def test_seconds_that_no_timer_can_take_are_refused(value: float) -> None:
    with pytest.raises(SystemExit) as err:
        cli.settings_from({"idle_seconds": value}, "config/hall.toml")
    assert "config/hall.toml: kiosk.idle_seconds: must be a positive number of seconds" \
        in str(err.value)


def test_a_day_is_still_accepted() -> None:
    assert cli.settings_from({"idle_seconds": 86_400}, "hall.toml")["idle_seconds"] == 86_400.0
