"""The kiosk's words for a check-in that is too early: the time it opens, and 明天 by the
hall's calendar (not the kiosk PC's), so a slot just after midnight reads right at 22:40."""

from __future__ import annotations

from datetime import date

from hallq.client.i18n import Texts
from hallq.kiosk.texts import TEXTS
from hallq.kiosk.wording import refusal

HALL_DAY = date(2026, 11, 29)


def too_early(opens: str, language: str = "zh") -> str:
    t = Texts(TEXTS)
    t.language = language
    return refusal(t, "appointment_too_early",
                   {"opens_at": opens[11:16], "opens_on": opens[:10], "opens": opens},
                   today=HALL_DAY)


def test_later_today_is_the_time_alone() -> None:
    assert too_early("2026-11-29T23:30+08:00") == "还未到预约签到时间，23:30起可以签到"


def test_after_midnight_in_the_hall_is_tomorrow() -> None:
    assert too_early("2026-11-30T00:06+08:00") == "还未到预约签到时间，明天 00:06起可以签到"
    assert "tomorrow" in too_early("2026-11-30T00:06+08:00", "en").lower()


def test_later_in_the_week_names_the_day() -> None:
    assert too_early("2026-12-02T09:00+08:00") == "还未到预约签到时间，周三 09:00起可以签到"
