"""The words of the TV call display, in Chinese (default) and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "latest": "最新叫号",
        "recall": "再次呼叫",
        "go_to": "请到{window}办理",
        "recent": "最近叫号",
        "no_calls": "暂无叫号",
        "windows": "窗口状态",
        "page": "第 {page}/{pages} 页",
        "serving": "正在办理",
        "idle": "等待叫号",
        "idle_number": "—",
        "paused": "暂停服务",
        "closed": "未开放",
        "waiting": "等候人数",
        "people": "{count} 人",
        "date": "{year}年{month}月{day}日",
        "weekdays": "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
        "connecting": "正在连接排队服务器……",
    },
    "en": {
        "latest": "Now calling",
        "recall": "Calling again",
        "go_to": "please go to {window}",
        "recent": "Recent calls",
        "no_calls": "No calls yet",
        "windows": "Windows",
        "page": "Page {page}/{pages}",
        "serving": "Serving",
        "idle": "Waiting to call",
        "idle_number": "—",
        "paused": "Paused",
        "closed": "Closed",
        "waiting": "Waiting",
        "people": "{count}",
        "date": "{year}-{month:02d}-{day:02d}",
        "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "connecting": "Connecting to the queue server…",
    },
}
