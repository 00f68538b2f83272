"""The console's words: Simplified Chinese first, English on the switch, from one table.

Like the apps' ``hallq.client.i18n`` (without Qt): every page's text is a key here, looked up in
the language the browser chose (``?lang=en`` once, then a cookie). A page module with many
strings of its own adds them with :func:`add` (checked: every Chinese key has its English).
In a template: ``{{ t("nav.live") }}``, ``{{ t("live.since", time="09:30") }}``.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("zh", "en")

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "console": "管理控制台", "nav.live": "实时大厅", "nav.reports": "报表",
        "nav.follow_ups": "差评回访", "nav.config": "配置", "nav.audit": "审计",
        "lang.switch": "English", "logout": "退出", "role.viewer": "监督",
        "role.supervisor": "值班长", "role.admin": "管理员",
        "login.title": "登录", "login.username": "用户名", "login.password": "密码",
        "login.submit": "登录", "login.wrong": "用户名或密码错误",
        "login.locked": "密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试",
        "login.expired": "页面已过期，请重新登录",
        "refused.title": "无法完成", "refused.csrf": "表单已过期或来源不明，请刷新页面后重试。",
        "refused.role": "您的账户（{role}）没有这项权限。", "back": "返回", "colon": "：",
        "live.title": "实时大厅", "live.windows": "窗口", "live.services": "业务",
        "live.window": "窗口", "live.status": "状态", "live.clerk": "工作人员",
        "live.ticket": "当前号", "live.for": "已办理", "live.actions": "操作",
        "status.open": "开放", "status.paused": "暂停", "status.closed": "关闭",
        "live.since": "自 {time} 起", "live.idle": "空闲",
        "live.service": "业务", "live.waiting": "等候人数", "live.longest": "最长等候",
        "live.estimated": "预计等候", "live.quota_left": "今日余号", "live.no_quota": "不限",
        "live.issued": "今日取号", "live.missed": "今日过号", "live.restore": "恢复",
        "live.no_missed": "今日暂无过号", "live.pause": "暂停", "live.resume": "恢复服务",
        "live.reason": "暂停原因", "live.connected": "实时", "live.offline": "连接中断，正在重连…",
        "live.updated": "更新于 {time}", "live.alarms": "告警", "live.totals": "总计",
        "live.waiting_total": "等候", "live.open_windows": "开放窗口",
        "done.pause": "{window} 已暂停", "done.resume": "{window} 已恢复服务",
        "done.restore": "{number} 已恢复等候",
        "live.served": "今日办结", "live.serving": "办理中",
        "error.paused": "窗口已经暂停", "error.not_paused": "窗口没有暂停",
        "error.window_closed": "窗口未登录（关闭），不能暂停",
        "error.not_missed": "该号不是过号状态",
        "error.serving": "窗口正在办理业务，请先办结当前的号", "error.invalid": "输入无效",
        "error.not_found": "没有找到", "error.conflict": "当前状态下不能这样做",
        "error.refused": "操作被拒绝",
    },
    "en": {
        "console": "Management console", "nav.live": "Live hall", "nav.reports": "Reports",
        "nav.follow_ups": "Follow-ups", "nav.config": "Configuration", "nav.audit": "Audit",
        "lang.switch": "中文", "logout": "Log out", "role.viewer": "Viewer",
        "role.supervisor": "Supervisor", "role.admin": "Administrator",
        "login.title": "Log in", "login.username": "User name", "login.password": "Password",
        "login.submit": "Log in", "login.wrong": "Wrong user name or password",
        "login.locked": "Too many wrong passwords: the account is locked; try again in "
                        "{minutes} min",
        "login.expired": "The page expired; please log in again",
        "refused.title": "Not done",
        "refused.csrf": "The form expired or came from elsewhere; reload the page and retry.",
        "refused.role": "Your account ({role}) may not do this.", "back": "Back", "colon": ": ",
        "live.title": "Live hall", "live.windows": "Windows", "live.services": "Services",
        "live.window": "Window", "live.status": "Status", "live.clerk": "Clerk",
        "live.ticket": "Serving", "live.for": "For", "live.actions": "Actions",
        "status.open": "Open", "status.paused": "Paused", "status.closed": "Closed",
        "live.since": "since {time}", "live.idle": "idle",
        "live.service": "Service", "live.waiting": "Waiting", "live.longest": "Longest wait",
        "live.estimated": "Estimated wait", "live.quota_left": "Tickets left today",
        "live.no_quota": "no limit", "live.issued": "Issued today",
        "live.missed": "Missed today", "live.restore": "Restore",
        "live.no_missed": "No missed tickets today", "live.pause": "Pause",
        "live.resume": "Resume", "live.reason": "Reason", "live.connected": "Live",
        "live.offline": "Connection lost, reconnecting…", "live.updated": "updated {time}",
        "live.alarms": "Alarms", "live.totals": "Totals", "live.waiting_total": "Waiting",
        "live.open_windows": "Open windows",
        "done.pause": "{window} paused", "done.resume": "{window} resumed",
        "done.restore": "{number} waits again",
        "live.served": "Served today", "live.serving": "serving",
        "error.paused": "The window is paused already",
        "error.not_paused": "The window is not paused",
        "error.window_closed": "The window is closed (nobody logged in)",
        "error.not_missed": "That ticket was not missed",
        "error.serving": "The window is serving a ticket: finish it first",
        "error.invalid": "Invalid input", "error.not_found": "Not found",
        "error.conflict": "Not possible in the current state", "error.refused": "Refused",
    },
}


def add(tables: Mapping[str, Mapping[str, str]]) -> None:
    """A page's own strings; every Chinese key needs its English, no key is defined twice."""
    missing = set(tables["zh"]) ^ set(tables["en"])
    if missing:
        raise KeyError(f"console texts not in both languages: {', '.join(sorted(missing))}")
    twice = set(tables["zh"]) & set(TEXTS["zh"])
    if twice:
        raise KeyError(f"console texts defined twice: {', '.join(sorted(twice))}")
    for language in LANGUAGES:
        TEXTS[language].update(tables[language])


def language(wanted: str | None) -> str:
    return wanted if wanted in LANGUAGES else "zh"


class Texts:
    """``t(key, **values)`` in one language, falling back to Chinese, then to the key."""

    def __init__(self, lang: str) -> None:
        self.lang = language(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = TEXTS[self.lang].get(key) or TEXTS["zh"].get(key)
        if text is None:  # an error code without words of its own: the general refusal
            text = self("error.refused") if key.startswith("error.") else key
        return text.format(**values) if values else text
