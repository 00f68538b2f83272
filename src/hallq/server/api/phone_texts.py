"""Every word of the phone pages (a ticket's status page and its rating page) in Chinese and
English. The citizen's language comes with the page's address (``?lang=en``): the kiosk asks for
it when it issues the ticket, so the QR code on the ticket opens the pages in that language."""

from __future__ import annotations

from fastapi import Request

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "waiting": "等候中", "called": "请到窗口办理", "done": "已办结", "missed": "已过号",
        "cancelled": "已取消",
        "ahead": "前面还有 {count} 人", "go_to": "请到{window}办理",
        "rate_link": "评价本次服务", "no_ticket_page": "没有这张票",
        "no_ticket": "没有这张票", "check_qr": "请检查二维码是否完整。",
        "rated": "已评价", "rated_text": "{number} 号已经评价过了，每张票只能评价一次。谢谢！",
        "not_yet": "暂不能评价", "not_yet_text": "{number} 号还没有办结，办结后才能评价本次服务。",
        "cannot": "无法评价", "cannot_text": "{number} 号未办理业务，只有办结的号才能评价。",
        "unknown_reason": "没有“{reason}”这一原因，请从列表中选择。",
        "need_reason": "选择“不满意”或“非常不满意”时，请至少选择一个原因。",
        "comment_long": "意见最多 500 字，请缩短后再提交。",
        "too_long": "内容太长，请缩短意见后再提交。",
        "need_score": "请为本次服务评分：从五个等级中选择一个（非常满意 … 非常不满意）。",
        "thanks": "谢谢您的评价",
        "thanks_text": "{number} 号：{level}。您的意见会用于改进我们的服务。",
        "form_title": "评价 {number}", "heading": "评价本次服务", "who": "{number} 号 · {where}",
        "served_by": "服务人员：{name}",
        "question": "您对本次服务满意吗？", "reasons": "不满意的原因（可多选）",
        "reasons_hint": "选择“不满意”或“非常不满意”时请至少选一项",
        "comment": "意见或建议（可不填）", "submit": "提交评价",
    },
    "en": {
        "html_lang": "en",
        "waiting": "Waiting", "called": "Please go to the window", "done": "Done",
        "missed": "Missed", "cancelled": "Cancelled",
        "ahead": "{count} ahead of you", "go_to": "Please go to {window}",
        "rate_link": "Rate this service", "no_ticket_page": "No such ticket",
        "no_ticket": "No such ticket", "check_qr": "Please check that the QR code is complete.",
        "rated": "Already rated",
        "rated_text": "Ticket {number} was already rated; each ticket is rated once. Thank you!",
        "not_yet": "Not yet", "not_yet_text": "Ticket {number} is not finished yet; you can "
                                             "rate the service once it is.",
        "cannot": "Cannot rate", "cannot_text": "Ticket {number} was not served; only a "
                                                "finished ticket can be rated.",
        "unknown_reason": "There is no reason \u201c{reason}\u201d; please choose from the "
                          "list.",
        "need_reason": "When you choose Dissatisfied or Very dissatisfied, please choose at "
                       "least one reason.",
        "comment_long": "A comment has at most 500 characters; please shorten it.",
        "too_long": "Too long: please shorten your comment.",
        "need_score": "Please rate the service: choose one of the five levels.",
        "thanks": "Thank you for your rating",
        "thanks_text": "Ticket {number}: {level}. Your opinion helps us improve our service.",
        "form_title": "Rate {number}", "heading": "Rate this service",
        "served_by": "Served by {name}",
        "who": "Ticket {number} · {where}", "question": "Are you satisfied with the service?",
        "reasons": "What went wrong (choose any)",
        "reasons_hint": "Please choose at least one when you are dissatisfied",
        "comment": "Comments or suggestions (optional)", "submit": "Send",
    },
}


def language_of(request: Request) -> str:
    """``?lang=en`` (from the ticket's QR code) or Chinese."""
    return "en" if request.query_params.get("lang") == "en" else "zh"


def words(language: str, key: str, **values: object) -> str:
    text = WORDS.get(language, WORDS["zh"]).get(key) or WORDS["zh"][key]
    return text.format(**values) if values else text


def with_language(address: str, language: str) -> str:
    return f"{address}?lang={language}" if language == "en" else address
