"""Reading the hall config (``config/hall.toml``) into the domain's ``Hall``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hallq.common.tomlreader import ConfigError, Table, item
from hallq.server.config_apps import check_app_sections
from hallq.server.config_sections import (
    PIN_HASH_HELP,
    read_calendar,
    read_clerk,
    read_device,
    read_hours,
    read_service,
    read_window,
)
from hallq.server.domain.hall import BAD_RATING_REASONS, PAUSE_REASONS, Hall, Policy
from hallq.server.domain.secrets import is_pin_hash

# Sections read by the apps (kiosk, printer, displays, bus), not by the server.
APP_SECTIONS = ("kiosk", "printer", "display", "voice", "caller", "rating", "bus", "demo")


def load_hall(path: Path | str) -> Hall:
    return parse_hall(Table(path, "", read_toml(path)))


def read_toml(path: Path | str) -> dict[str, Any]:
    """The file's TOML, or a one-line ``ConfigError`` saying why it cannot be read."""
    path = Path(path)
    try:
        return toml_text(path.read_text(encoding="utf-8"), path)
    except FileNotFoundError:
        raise ConfigError(path, "", "no such file") from None
    except IsADirectoryError:
        raise ConfigError(path, "", "is a directory, not a config file") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "", "is not UTF-8 text") from None


def toml_text(text: str, source: Path | str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "", f"not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(source, "", "lists or tables are nested too deeply") from None


Reasons = tuple[tuple[str, ...], tuple[str, ...]]  # the reasons, and the same in English


def _reasons(t: Table, name: str, default: tuple[str, ...]) -> Reasons:
    reasons = t.texts(name, default)
    english = t.texts(f"{name}_en", ())
    if english and len(english) != len(reasons):
        raise t.error(f"{name}_en", f"has {len(english)} items; {name} has {len(reasons)} "
                      "(one English text for each, in the same order)")
    return reasons, english


def _policy(t: Table) -> tuple[Policy, Reasons, Reasons]:
    policy = Policy(
        priority_needs_pin=t.flag("priority_needs_pin", False),
        guide_pin_hash=t.text("guide_pin_hash", ""),
        require_login=t.flag("require_login", True),
        appointment_early_s=t.integer("appointment_early_minutes", 30, maximum=24 * 60) * 60,
        follow_up_days=t.integer("follow_up_days", 15, minimum=1, maximum=366),
        estimate_window=t.integer("estimate_window", 20, minimum=1, maximum=1000),
        alarm_wait_s=t.integer("alarm_wait_minutes", 30, maximum=24 * 60) * 60,
        alarm_idle_s=t.integer("alarm_idle_minutes", 10, maximum=24 * 60) * 60,
        alarm_service_factor=t.number("alarm_service_factor", 3.0, maximum=100.0),
        alarm_device_silent_s=t.integer("alarm_device_silent_seconds", 90, maximum=86_400),
    )
    if policy.alarm_service_factor < 1.5:
        raise t.error("alarm_service_factor", "must be from 1.5 (a ticket served 1.5 times "
                      f"its service's usual time) to 100, not {policy.alarm_service_factor:g}")
    if 0 < policy.alarm_device_silent_s < 15:
        raise t.error("alarm_device_silent_seconds", "must be 0 (off) or from 15 to 86400 "
                      "(the apps report every third of it)")
    if policy.priority_needs_pin and not policy.guide_pin_hash:
        raise t.error("guide_pin_hash", "is needed when priority_needs_pin = true "
                      "(make one with: hallq hash-pin)")
    if policy.guide_pin_hash and not is_pin_hash(policy.guide_pin_hash):
        raise t.error("guide_pin_hash", PIN_HASH_HELP)
    pauses = _reasons(t, "pause_reasons", PAUSE_REASONS)
    bad = _reasons(t, "bad_rating_reasons", BAD_RATING_REASONS)
    t.finish()
    return policy, pauses, bad


def _unique(t: Table, name: str, values: list[str], what: str) -> None:
    seen: dict[str, int] = {}
    entries = t.data.get(name, [])
    for i, value in enumerate(values):
        if value in seen:
            raise t.error(item(name, i, entries[i]), f"{what} {value!r} is used twice "
                          f"(also by {item(name, seen[value], entries[seen[value]])})")
        seen[value] = i


def parse_hall(root: Table) -> Hall:
    h = root.table("hall")
    services = tuple(read_service(t) for t in root.tables("services"))
    if not services:
        raise root.error("services", "the hall needs at least one [[services]]")
    _unique(root, "services", [s.code for s in services], "code")
    _unique(root, "services", [s.prefix for s in services], "prefix")
    codes = tuple(s.code for s in services)
    windows = tuple(read_window(t, codes) for t in root.tables("windows"))
    if not windows:
        raise root.error("windows", "the hall needs at least one [[windows]]")
    _unique(root, "windows", [w.id for w in windows], "id")
    served = {code for w in windows for code in w.services}
    for s in services:
        if s.code not in served:  # its tickets would wait for ever (the kiosk must not issue)
            raise root.error("services", f"service {s.code!r} ({s.name}) is served by no "
                             "window: add it to a [[windows]] services list, or remove it")
    ids = {w.id for w in windows}
    clerks = [read_clerk(t, ids) for t in root.tables("clerks")]
    _unique(root, "clerks", [c.id for c in clerks], "id")
    devices = tuple(read_device(t, ids) for t in root.tables("devices"))
    _unique(root, "devices", [d.id for d in devices], "id")
    policy, pauses, bad = _policy(root.table("policy"))
    zone = h.text("timezone", "Asia/Shanghai")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise h.error("timezone", f"unknown time zone {zone!r}") from None
    holidays, make_up = read_calendar(h)
    status_url = h.text("status_url", "")
    if status_url and not (status_url.startswith(("http://", "https://"))
                           and "{token}" in status_url):
        raise h.error("status_url", "must be an http:// or https:// address with {token} in it")
    hall = Hall(
        name=h.text("name"), services=services, windows=windows, name_en=h.text("name_en", ""),
        timezone=zone, hours=read_hours(h, "hours"), clerks=tuple(clerks), devices=devices,
        policy=policy, pause_reasons=pauses[0], bad_rating_reasons=bad[0],
        status_url=status_url, notice=h.text("notice", ""), holidays=holidays,
        make_up_days=make_up, pause_reasons_en=pauses[1], bad_rating_reasons_en=bad[1],
    )
    h.finish()
    check_app_sections(root, hall)
    root._seen.update(APP_SECTIONS)
    root.finish()
    return hall
