"""Reading the hall config (``config/hall.toml``) into the domain's ``Hall``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hallq.common.tomlreader import ConfigError, Table
from hallq.server.domain.errors import Invalid
from hallq.server.domain.hall import (
    BAD_RATING_REASONS,
    PAUSE_REASONS,
    Clerk,
    Device,
    Guide,
    Hall,
    OpenPeriod,
    Policy,
    Service,
    Window,
)
from hallq.server.domain.hours import parse_period
from hallq.server.domain.secrets import token_digest

DEVICE_KINDS = ("kiosk", "window", "display", "bridge", "admin")
WINDOW_KINDS = ("comprehensive", "field")
# Sections read by the apps (kiosk, printer, displays, bus), not by the server.
APP_SECTIONS = ("kiosk", "printer", "display", "voice", "caller", "rating", "bus", "demo")


def load_hall(path: Path | str) -> Hall:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, "", "no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "", "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"not valid TOML: {exc}") from None
    return parse_hall(Table(path, "", data))


def _hours(table: Table, name: str) -> tuple[OpenPeriod, ...]:
    periods = []
    for i, text in enumerate(table.texts(name)):
        try:
            periods.append(parse_period(text))
        except Invalid as exc:
            raise table.error(f"{name}[{i}]", exc.message) from None
    return tuple(periods)


def _service(t: Table) -> Service:
    g = t.table("guide")
    guide = Guide(g.texts("materials"), g.text("time_limit", ""), g.text("legal_basis", ""),
                  g.text("fee", ""), g.text("notes", ""))
    g.finish()
    prefix = t.text("prefix")
    if not (prefix.isascii() and prefix.isalpha() and prefix.isupper() and len(prefix) <= 2):
        raise t.error("prefix", "must be one or two capital letters, like A")
    quota = t.integer("daily_quota", 0)
    service = Service(
        code=t.text("code"), name=t.text("name"), prefix=prefix, name_en=t.text("name_en", ""),
        department=t.text("department", ""), department_en=t.text("department_en", ""),
        guide=guide, hours=_hours(t, "hours"),
        daily_quota=quota or None, weight=t.number("weight", 1.0),
        typical_service_s=t.integer("typical_minutes", 5, minimum=1) * 60,
    )
    t.finish()
    return service


def _window(t: Table, codes: tuple[str, ...]) -> Window:
    wid = t.text("id")
    raw = t.data.get("services")
    services = codes if raw == "*" else t.texts("services")
    t._seen.add("services")
    if not services:
        raise t.error("services", 'must name at least one service code, or "*" for all')
    for i, code in enumerate(services):
        if code not in codes:
            raise t.error(f"services[{i}]", f"no service {code!r}; known: {', '.join(codes)}")
    kind = t.text("kind", "comprehensive" if len(services) == len(codes) > 1 else "field")
    if kind not in WINDOW_KINDS:
        raise t.error("kind", f"must be one of {', '.join(WINDOW_KINDS)}")
    number = t.integer("number", int(wid) if wid.isdigit() else 0) or None
    window = Window(wid, t.text("name"), services, t.text("name_en", ""), kind, number)
    t.finish()
    return window


def _device(t: Table, window_ids: set[str]) -> Device:
    kind = t.text("kind")
    if kind not in DEVICE_KINDS:
        raise t.error("kind", f"must be one of {', '.join(DEVICE_KINDS)}")
    token, digest = t.text("token", ""), t.text("token_sha256", "")
    if bool(token) == bool(digest):
        raise t.error("token", "give exactly one of token or token_sha256")
    if token and len(token) < 12:
        raise t.error("token", "must be at least 12 characters")
    windows = t.texts("windows")
    for i, w in enumerate(windows):
        if w not in window_ids:
            raise t.error(f"windows[{i}]", f"no window {w!r}")
    device = Device(t.text("id"), kind, digest.lower() or token_digest(token), windows)
    t.finish()
    return device


def _policy(t: Table) -> tuple[Policy, tuple[str, ...], tuple[str, ...]]:
    policy = Policy(
        priority_needs_pin=t.flag("priority_needs_pin", False),
        guide_pin_hash=t.text("guide_pin_hash", ""),
        require_login=t.flag("require_login", True),
        appointment_early_s=t.integer("appointment_early_minutes", 30) * 60,
        follow_up_days=t.integer("follow_up_days", 15, minimum=1),
        estimate_window=t.integer("estimate_window", 20, minimum=1),
    )
    if policy.priority_needs_pin and not policy.guide_pin_hash:
        raise t.error("guide_pin_hash", "is needed when priority_needs_pin = true "
                      "(make one with: hallq hash-pin)")
    pauses = t.texts("pause_reasons", PAUSE_REASONS)
    bad = t.texts("bad_rating_reasons", BAD_RATING_REASONS)
    t.finish()
    return policy, pauses, bad


def _unique(t: Table, name: str, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise t.error(f"{name}[{i}]", f"{what} {value!r} is used twice")
        seen.add(value)


def parse_hall(root: Table) -> Hall:
    h = root.table("hall")
    services = tuple(_service(t) for t in root.tables("services"))
    if not services:
        raise root.error("services", "the hall needs at least one [[services]]")
    _unique(root, "services", [s.code for s in services], "code")
    _unique(root, "services", [s.prefix for s in services], "prefix")
    codes = tuple(s.code for s in services)
    windows = tuple(_window(t, codes) for t in root.tables("windows"))
    if not windows:
        raise root.error("windows", "the hall needs at least one [[windows]]")
    _unique(root, "windows", [w.id for w in windows], "id")
    ids = {w.id for w in windows}
    clerks = []
    for t in root.tables("clerks"):
        clerk = Clerk(t.text("id"), t.text("name"), t.text("pin_hash"), t.text("job_number", ""),
                      t.text("photo", ""), t.texts("windows"))
        if not clerk.pin_hash.startswith("pbkdf2_sha256$"):
            raise t.error("pin_hash", "must be a hash from `hallq hash-pin`, never the PIN")
        t.finish()
        clerks.append(clerk)
    _unique(root, "clerks", [c.id for c in clerks], "id")
    devices = tuple(_device(t, ids) for t in root.tables("devices"))
    _unique(root, "devices", [d.id for d in devices], "id")
    policy, pauses, bad = _policy(root.table("policy"))
    zone = h.text("timezone", "Asia/Shanghai")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise h.error("timezone", f"unknown time zone {zone!r}") from None
    hall = Hall(
        name=h.text("name"), services=services, windows=windows, name_en=h.text("name_en", ""),
        timezone=zone, hours=_hours(h, "hours"), clerks=tuple(clerks), devices=devices,
        policy=policy, pause_reasons=pauses, bad_rating_reasons=bad,
        status_url=h.text("status_url", ""), notice=h.text("notice", ""),
    )
    h.finish()
    root._seen.update(APP_SECTIONS)
    root.finish()
    return hall
