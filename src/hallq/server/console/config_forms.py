"""What the configuration's forms share: a textarea's lines, a number typed in a box, the
version the form was read at, and a refused change put in the manager's words next to its
field.

A form never checks the configuration's rules itself: what a manager typed goes to the live
configuration as the TOML keys (a number that is not one as the text typed), and the loader's
refusal names the key; :func:`refusal` turns that key into the form's field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from hallq.server.api.errors import status_of
from hallq.server.console import config_common as c
from hallq.server.console import texts
from hallq.server.console.pages import lang_of
from hallq.server.domain.errors import HallError

texts.add({
    "zh": {"cfgerr.invalid": "未保存：请检查「{field}」", "cfgerr.invalid_any": "未保存：输入有误",
           "cfgerr.version": "未保存：{what} 已被他人修改（现为第 {current} 版，您打开的是第 "
                             "{yours} 版）。请重新打开此页，确认后再修改。",
           "cfgerr.exists": "未保存：{what} 已存在，请换一个编号",
           "cfgerr.breaks_hall": "未保存：这样修改会使大厅无法正常运行",
           "cfgerr.in_use": "未保存：正在使用中", "cfgerr.not_found": "没有找到 {what}",
           "cfgerr.other": "未保存", "cfg.lines": "每行一项", "cfg.blank_default": "留空：{value}",
           "cfg.removed": "已删除，已通知各终端", "cfg.back": "返回列表", "cfg.edit": "修改",
           "cfg.view": "查看", "cfg.confirm_remove": "确认删除", "cfg.zh": "中文",
           "cfg.en": "English（可选）", "cfg.read_only": "只读：仅管理员可以修改",
           "cf.name": "名称", "cf.name_en": "英文名称", "cf.hours": "办理时间"},
    "en": {"cfgerr.invalid": "Not saved: check “{field}”",
           "cfgerr.invalid_any": "Not saved: invalid input",
           "cfgerr.version": "Not saved: {what} was changed by someone else meanwhile (now "
                             "version {current}, you opened version {yours}). Open this page "
                             "again, check, then change it.",
           "cfgerr.exists": "Not saved: {what} exists already; choose another id",
           "cfgerr.breaks_hall": "Not saved: the hall could not run like this",
           "cfgerr.in_use": "Not saved: it is in use", "cfgerr.not_found": "{what} not found",
           "cfgerr.other": "Not saved", "cfg.lines": "one per line",
           "cfg.blank_default": "blank: {value}",
           "cfg.removed": "Removed; every terminal was told", "cfg.back": "Back to the list",
           "cfg.edit": "Change", "cfg.view": "View", "cfg.confirm_remove": "Yes, remove it",
           "cfg.zh": "Chinese", "cfg.en": "English (optional)",
           "cfg.read_only": "Read only: only an admin may change this", "cf.name": "Name",
           "cf.name_en": "English name", "cf.hours": "Hours"},
})


@dataclass(frozen=True)
class Refusal:
    """A refused change as a page shows it: the HTTP status, the form's field it is about
    ("" for none), a headline in the page's language and the rule's own words."""

    status: int
    field: str
    headline: str
    detail: str


def lines(text: str) -> list[str]:
    """A one-per-line textarea's items (blank lines left out)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def number(text: str) -> int | float | str:
    """A number typed in a box; anything else as typed, for the loader to refuse by name."""
    text = text.strip()
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def put_text(body: dict[str, Any], key: str, fields: dict[str, str]) -> None:
    """``key`` from the form into ``body`` when it is not blank (a blank key is left out)."""
    value = fields.get(key, "").strip()
    if value:
        body[key] = value


def version_of(fields: dict[str, str]) -> int | None:
    version = fields.get("version", "").strip()
    return int(version) if version.isdigit() else None


def refusal(request: Request, error: HallError, target: str, yours: int | None,
            aliases: dict[str, str] | None = None, new: bool = False) -> Refusal:
    """``error`` of a change of ``target`` (``services/biz``) as the page shows it; ``aliases``
    maps a key the loader names to the form's field that holds it; ``new``: the form adds
    ``target`` (a version conflict then means it exists already)."""
    t = texts.Texts(lang_of(request))
    field = (error.field or "").removesuffix("[]")
    field = (aliases or {}).get(field, field)
    kind, _, item_id = target.partition("/")
    if error.code == "version_conflict":
        old = c.live(request).find(kind, item_id)
        headline = t("cfgerr.exists", what=target) if new else \
            t("cfgerr.version", what=target, current=old.version if old else 0, yours=yours)
        field = ""
    elif error.code == "invalid":
        label = t(f"cf.{field}")
        headline = t("cfgerr.invalid", field=label) if field and label != f"cf.{field}" \
            else t("cfgerr.invalid_any")
    elif error.code in ("breaks_hall", "in_use", "not_found"):
        headline = t(f"cfgerr.{error.code}", what=target)
    else:
        headline = t("cfgerr.other")
    return Refusal(status_of(error), field, headline, error.message)
