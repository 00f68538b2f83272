"""Sentences the kiosk builds from facts: when a closed service opens again, and a refusal of
the server with the facts it gave (a time, a number). Words from ``texts.py`` only."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from hallq.client.i18n import Texts, error_text

WEEKDAYS = {"zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
            "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")


def when(t: Texts, opens_at: str, today: date | None = None) -> str:
    """``13:30``, ``明天 08:30``, ``周一 08:30`` or ``10月8日 08:30`` (English alike)."""
    try:
        moment = datetime.fromisoformat(opens_at)
    except ValueError:
        return ""
    today = today or datetime.now(moment.tzinfo).date()
    days, clock = (moment.date() - today).days, f"{moment:%H:%M}"
    if days <= 0:
        return clock
    if days == 1:
        return t("day_tomorrow", time=clock)
    language = "en" if t.language == "en" else "zh"
    if days < 7:
        day = WEEKDAYS[language][moment.weekday()]
    elif language == "en":
        day = f"{moment.day} {MONTHS_EN[moment.month - 1]}"
    else:
        day = f"{moment.month}月{moment.day}日"
    return f"{day} {clock}"


def refusal(t: Texts, code: str, values: dict[str, Any], today: date | None = None) -> str:
    """The server's refusal in the citizen's words, with the facts it gave (``today``: the
    hall's, when a test gives it; else the day at the moment's offset)."""
    if code == "appointment_too_early" and values.get("opens"):
        # the moment with the hall's offset: "明天" by the hall's calendar, whatever the
        # kiosk PC's time zone
        return t("checkin_too_early", time=when(t, str(values["opens"]), today))
    if code == "appointment_too_early" and values.get("opens_at"):  # a 0.1.0 server
        at = str(values["opens_at"])
        on = str(values.get("opens_on") or "")
        if on and on != date.today().isoformat():
            at = when(t, f"{on}T{at}")
        return t("checkin_too_early", time=at)
    if code == "appointment_used" and values.get("number"):
        return t("checkin_used", number=values["number"])
    if code == "service_closed" and values.get("opens_at"):
        return t("closed_opens", when=when(t, str(values["opens_at"])))
    if code == "no_window":
        return t("no_window")
    return error_text(code, t.language, t("failed_generic"))
