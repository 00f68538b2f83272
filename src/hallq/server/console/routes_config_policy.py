"""The policy's configuration page (``/console/config/policy``): the pause and bad-rating
reasons (Chinese and English, one per line), the alarms' thresholds, the follow-up deadline and
the other ``[policy]`` keys a manager changes.

The form shows every key's value in force (the loader's default where the file has none) and
sends only the keys the manager changed, as ``PATCH /api/config/policy`` would."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from hallq.server.console import config_common as c
from hallq.server.console import config_forms as f
from hallq.server.console import texts
from hallq.server.domain.errors import HallError
from hallq.server.domain.hall import Hall
from hallq.server.service.accounts import Session
from hallq.server.service.hall_service import HallService

router = APIRouter(prefix="/console", include_in_schema=False)
REASONS = ("pause_reasons", "pause_reasons_en", "bad_rating_reasons", "bad_rating_reasons_en")
NUMBERS = ("alarm_wait_minutes", "alarm_idle_minutes", "alarm_service_factor",
           "alarm_device_silent_seconds", "follow_up_days", "appointment_early_minutes",
           "estimate_window")
FLAGS = ("require_login", "priority_needs_pin")

texts.add({
    "zh": {"config.policy": "规则", "pol.reasons": "原因", "pol.alarms": "告警阈值",
           "pol.other": "其他规则", "pol.off": "0：关闭此告警",
           "pol.pin_set": "已设置引导员密码；填写新密码即更换",
           "pol.pin_unset": "尚未设置引导员密码",
           "pol.en_help": "与中文逐行对应；留空：英文界面显示中文",
           "cf.pause_reasons": "暂停原因", "cf.pause_reasons_en": "暂停原因（英文）",
           "cf.bad_rating_reasons": "差评原因", "cf.bad_rating_reasons_en": "差评原因（英文）",
           "cf.alarm_wait_minutes": "等候超时（分钟）", "cf.alarm_idle_minutes": "空窗（分钟）",
           "cf.alarm_service_factor": "办理超时（通常时长的倍数，1.5–100）",
           "cf.alarm_device_silent_seconds": "设备失联（秒，15–86400）",
           "cf.follow_up_days": "差评回访期限（天）",
           "cf.appointment_early_minutes": "预约提前签到（分钟）",
           "cf.estimate_window": "预计等候按最近几笔计算",
           "cf.require_login": "窗口须登录后才能叫号",
           "cf.priority_needs_pin": "绿色通道取号须引导员密码", "cf.guide_pin": "新的引导员密码"},
    "en": {"config.policy": "Policy", "pol.reasons": "Reasons", "pol.alarms": "Alarm thresholds",
           "pol.other": "Other rules", "pol.off": "0: this alarm is off",
           "pol.pin_set": "A guide's PIN is set; type a new one to replace it",
           "pol.pin_unset": "No guide's PIN is set",
           "pol.en_help": "one for each Chinese line, same order; blank: English screens show "
                          "the Chinese", "cf.pause_reasons": "Pause reasons",
           "cf.pause_reasons_en": "Pause reasons (English)",
           "cf.bad_rating_reasons": "Bad-rating reasons",
           "cf.bad_rating_reasons_en": "Bad-rating reasons (English)",
           "cf.alarm_wait_minutes": "Waiting too long (min)",
           "cf.alarm_idle_minutes": "Window idle while tickets wait (min)",
           "cf.alarm_service_factor": "Serving too long (times the usual, 1.5–100)",
           "cf.alarm_device_silent_seconds": "Device silent (s, 15–86400)",
           "cf.follow_up_days": "Follow up a bad rating within (days)",
           "cf.appointment_early_minutes": "Appointment check-in opens (min before)",
           "cf.estimate_window": "Wait estimate averages the last",
           "cf.require_login": "A window calls only with a clerk logged in",
           "cf.priority_needs_pin": "Green channel needs a guide's PIN",
           "cf.guide_pin": "New guide's PIN"},
})


def in_force(stored: dict[str, Any], hall: Hall) -> dict[str, Any]:
    """Each key's value now: the stored one, else the running hall's (the loader's default)."""
    p = hall.policy
    running: dict[str, Any] = {
        "pause_reasons": list(hall.pause_reasons), "pause_reasons_en": list(hall.pause_reasons_en),
        "bad_rating_reasons": list(hall.bad_rating_reasons),
        "bad_rating_reasons_en": list(hall.bad_rating_reasons_en),
        "alarm_wait_minutes": p.alarm_wait_s // 60, "alarm_idle_minutes": p.alarm_idle_s // 60,
        "alarm_service_factor": p.alarm_service_factor,
        "alarm_device_silent_seconds": p.alarm_device_silent_s,
        "follow_up_days": p.follow_up_days, "appointment_early_minutes":
            p.appointment_early_s // 60, "estimate_window": p.estimate_window,
        "require_login": p.require_login, "priority_needs_pin": p.priority_needs_pin}
    return {k: stored.get(k, v) for k, v in running.items()}


def to_form(values: dict[str, Any]) -> dict[str, str]:
    form = {k: "\n".join(values[k]) for k in REASONS}
    form.update({k: str(values[k]) for k in NUMBERS})
    form.update({k: "on" for k in FLAGS if values[k]})
    return form


def to_patch(fields: dict[str, str], stored: dict[str, Any], now: dict[str, Any]
             ) -> dict[str, Any]:
    """The keys the manager changed; an emptied English list or number box removes its key
    (the loader's default then applies)."""
    new: dict[str, Any] = {k: f.lines(fields.get(k, "")) for k in REASONS}
    new.update({k: f.number(fields[k]) if fields.get(k, "").strip() else None
                for k in NUMBERS})
    new.update({k: bool(fields.get(k)) for k in FLAGS})
    new.update({k: None for k in REASONS if k.endswith("_en") and not new[k]})
    body = {k: v for k, v in new.items() if v != now[k] and (v is not None or k in stored)}
    if fields.get("guide_pin", "").strip():
        body["guide_pin"] = fields["guide_pin"].strip()
    return {**body, "version": f.version_of(fields)}


async def show(request: Request, session: Session, values: dict[str, str] | None = None,
               refusal: f.Refusal | None = None) -> Response:
    hs: HallService = request.app.state.service
    item = c.live(request).find("policy", "")
    if values is None:
        values = {**to_form(in_force(item.body if item else {}, hs.hall)),
                  "version": str(item.version if item else 0)}
    return await c.page(request, session, "config_policy.html",
                        refusal.status if refusal else 200, values=values, refusal=refusal,
                        pin_set=bool(hs.hall.policy.guide_pin_hash))


@router.get("/config/policy")
async def policy_page(request: Request, session: c.Viewer) -> Response:
    return await show(request, session)


@router.post("/config/policy")
async def save_policy(request: Request, form: c.AdminForm) -> Response:
    hs: HallService = request.app.state.service
    item = c.live(request).find("policy", "")
    stored = item.body if item else {}
    body = to_patch(form.fields, stored, in_force(stored, hs.hall))
    try:
        await hs.submit(c.live(request).patch, "policy", body, c.who(form))
    except HallError as e:
        refusal = f.refusal(request, e, "policy", body["version"],
                            {"guide_pin_hash": "guide_pin"})
        return await show(request, form.session, {**form.fields, "guide_pin": ""}, refusal)
    return RedirectResponse("/console/config/policy?done=saved", 303)
