"""UI text: Simplified Chinese by default, English on a switch. Apps keep their strings in one
table per app (``texts.py``), never scattered through widgets."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

LANGUAGES = ("zh", "en")


class Texts(QObject):
    """Looks up ``key`` in the current language, falling back to Chinese."""

    languageChanged = Signal(str)

    def __init__(self, tables: Mapping[str, Mapping[str, str]], language: str = "zh",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        missing = set(tables["zh"]) - set(tables.get("en", tables["zh"]))
        if missing:
            raise KeyError(f"English text missing for: {', '.join(sorted(missing))}")
        self.tables, self.language = tables, language if language in LANGUAGES else "zh"

    def __call__(self, key: str, **values: object) -> str:
        text = self.tables.get(self.language, {}).get(key) or self.tables["zh"][key]
        return text.format(**values) if values else text

    def set_language(self, language: str) -> None:
        if language in LANGUAGES and language != self.language:
            self.language = language
            self.languageChanged.emit(language)

    def toggle(self) -> None:
        self.set_language("en" if self.language == "zh" else "zh")


# Text the server sends as stable codes, in the citizen's and the clerk's words.
ERRORS: dict[str, dict[str, str]] = {
    "zh": {
        "offline": "暂时无法连接排队服务器，请稍候或联系工作人员",
        "service_closed": "该业务当前不在办理时间",
        "quota_reached": "该业务今日号已取完",
        "window_closed": "窗口未登录，请先登录",
        "no_current": "当前没有正在办理的号",
        "serving": "请先办结、过号或转移当前的号",
        "not_waiting": "该号不在等候中",
        "not_missed": "该号不是过号状态",
        "not_served_here": "本窗口不办理该业务",
        "bad_login": "工号或密码错误",
        "not_assigned": "您未被分配到本窗口",
        "appointment_forfeited": "已超过预约时段，预约作废，请取普通号",
        "appointment_too_early": "还未到预约签到时间",
        "appointment_used": "该预约已签到",
        "no_appointment": "没有找到这个预约码",
        "already_rated": "该号已经评价过了",
        "not_done": "只有办结的号才能评价",
        "priority_needs_pin": "优先号需要引导员确认",
        "paused": "窗口已暂停",
        "not_paused": "窗口没有暂停",
        "nothing_to_rate": "没有可评价的业务",
    },
    "en": {
        "offline": "The queue server cannot be reached; please wait or ask the staff",
        "service_closed": "This service is closed at this time",
        "quota_reached": "All of today's tickets for this service are taken",
        "window_closed": "The window is closed: please log in first",
        "no_current": "No ticket is being served",
        "serving": "Finish, skip or transfer the current ticket first",
        "not_waiting": "That ticket is not waiting",
        "not_missed": "That ticket was not missed",
        "not_served_here": "This window does not serve that service",
        "bad_login": "Wrong job number (工号) or PIN",
        "not_assigned": "You are not assigned to this window",
        "appointment_forfeited": "The appointment slot has passed; please take an ordinary ticket",
        "appointment_too_early": "Too early to check in for this appointment",
        "appointment_used": "This appointment was already checked in",
        "no_appointment": "No appointment with this code",
        "already_rated": "This ticket was already rated",
        "not_done": "Only a finished ticket can be rated",
        "priority_needs_pin": "A priority ticket needs a guide's confirmation",
        "paused": "The window is paused",
        "not_paused": "The window is not paused",
        "nothing_to_rate": "Nothing to rate yet",
    },
}


def error_text(code: str, language: str, fallback: str) -> str:
    return ERRORS.get(language, ERRORS["zh"]).get(code) or fallback
