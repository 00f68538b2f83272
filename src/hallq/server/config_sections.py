"""The hall config's repeated sections: services, windows, clerks and devices, each checked
against what it names (a window's services, a clerk's and a device's windows)."""

from __future__ import annotations

from datetime import date

from hallq.common.tomlreader import Table, item
from hallq.server.domain.errors import Invalid
from hallq.server.domain.hall import Clerk, Device, Guide, OpenPeriod, Service, Window
from hallq.server.domain.hours import parse_holiday, parse_make_up_day, parse_period
from hallq.server.domain.secrets import is_pin_hash, token_digest

DEVICE_KINDS = ("kiosk", "window", "display", "bridge", "admin")
WINDOW_KINDS = ("comprehensive", "field")
PIN_HASH_HELP = "not a PIN hash made by 'hallq hash-pin' (write the hash, never the PIN)"


def read_hours(table: Table, name: str) -> tuple[OpenPeriod, ...]:
    periods = []
    for i, text in enumerate(table.texts(name)):
        try:
            periods.append(parse_period(text))
        except Invalid as exc:
            raise table.error(item(name, i), exc.message) from None
    return tuple(periods)


def read_calendar(t: Table) -> tuple[frozenset[date], tuple[tuple[date, int], ...]]:
    """[hall] holidays (closed) and make_up_days (调休: open with a weekday's hours)."""
    holidays: set[date] = set()
    for i, text in enumerate(t.texts("holidays", ())):
        try:
            holidays.update(parse_holiday(text))
        except Invalid as exc:
            raise t.error(item("holidays", i), exc.message) from None
    make_up: list[tuple[date, int]] = []
    for i, text in enumerate(t.texts("make_up_days", ())):
        try:
            day, weekday = parse_make_up_day(text)
        except Invalid as exc:
            raise t.error(item("make_up_days", i), exc.message) from None
        if day in holidays:
            raise t.error(item("make_up_days", i), f"{day} is also in holidays")
        make_up.append((day, weekday))
    return frozenset(holidays), tuple(make_up)


def read_guide(g: Table) -> Guide:
    """The guide and its English keys; English materials, when given, match one for one."""
    guide = Guide(g.texts("materials"), g.text("time_limit", ""), g.text("legal_basis", ""),
                  g.text("fee", ""), g.text("notes", ""), g.texts("materials_en", ()),
                  g.text("time_limit_en", ""), g.text("legal_basis_en", ""),
                  g.text("fee_en", ""), g.text("notes_en", ""))
    if guide.materials_en and len(guide.materials_en) != len(guide.materials):
        raise g.error("materials_en", f"has {len(guide.materials_en)} items; materials has "
                      f"{len(guide.materials)} (one English line for each)")
    for key in ("time_limit", "legal_basis", "fee", "notes"):
        if getattr(guide, f"{key}_en") and not getattr(guide, key):
            raise g.error(f"{key}_en", f"is given but {key} is not")
    g.finish()
    return guide


def read_service(t: Table) -> Service:
    guide = read_guide(t.table("guide"))
    prefix = t.text("prefix")
    if not (prefix.isascii() and prefix.isalpha() and prefix.isupper() and len(prefix) <= 2):
        raise t.error("prefix", "must be one or two capital letters, like A")
    quota = t.integer("daily_quota", 0, maximum=100_000)
    service = Service(
        code=t.text("code"), name=t.text("name"), prefix=prefix, name_en=t.text("name_en", ""),
        department=t.text("department", ""), department_en=t.text("department_en", ""),
        guide=guide, hours=read_hours(t, "hours"),
        daily_quota=quota or None, weight=t.number("weight", 1.0, maximum=100.0),
        typical_service_s=t.integer("typical_minutes", 5, minimum=1, maximum=480) * 60,
        target_service_s=t.integer("target_minutes", 0, minimum=0, maximum=480) * 60 or None,
    )
    t.finish()
    return service


def read_window(t: Table, codes: tuple[str, ...]) -> Window:
    wid = t.text("id")
    raw = t.data.get("services")
    services = codes if raw == "*" else t.texts("services")
    t._seen.add("services")
    if not services:
        raise t.error("services", 'must name at least one service code, or "*" for all')
    for i, code in enumerate(services):
        if code not in codes:
            raise t.error(item("services", i), f"no service {code!r}; known: {', '.join(codes)}")
    kind = t.text("kind", "comprehensive" if len(services) == len(codes) > 1 else "field")
    if kind not in WINDOW_KINDS:
        raise t.error("kind", f"must be one of {', '.join(WINDOW_KINDS)}")
    number = t.integer("number", int(wid) if wid.isascii() and wid.isdigit() else 0,
                       maximum=9999) or None
    window = Window(wid, t.text("name"), services, t.text("name_en", ""), kind, number)
    t.finish()
    return window


def window_refs(t: Table, window_ids: set[str]) -> tuple[str, ...]:
    windows = t.texts("windows")
    for i, w in enumerate(windows):
        if w not in window_ids:
            known = ", ".join(sorted(window_ids))
            raise t.error(item("windows", i), f"no window {w!r}; known: {known}")
    return windows


def read_clerk(t: Table, window_ids: set[str]) -> Clerk:
    clerk = Clerk(t.text("id"), t.text("name"), t.text("pin_hash"), t.text("job_number", ""),
                  t.text("photo", ""), window_refs(t, window_ids), t.flag("disabled", False))
    if not is_pin_hash(clerk.pin_hash):
        raise t.error("pin_hash", PIN_HASH_HELP)
    t.finish()
    return clerk


def read_device(t: Table, window_ids: set[str]) -> Device:
    kind = t.text("kind")
    if kind not in DEVICE_KINDS:
        raise t.error("kind", f"must be one of {', '.join(DEVICE_KINDS)}")
    token, digest = t.text("token", ""), t.text("token_sha256", "")
    if bool(token) == bool(digest):
        raise t.error("token", "give exactly one of token or token_sha256")
    if token and len(token) < 12:
        raise t.error("token", "must be at least 12 characters")
    if token and not (token.isascii() and token.isprintable() and " " not in token):
        raise t.error("token", "must be printable ASCII without spaces (it is sent in an "
                      "HTTP header, which carries nothing else)")
    if digest and not (len(digest) == 64 and all(c in "0123456789abcdefABCDEF" for c in digest)):
        raise t.error("token_sha256", "must be the 64 hex digits of the token's SHA-256")
    windows = window_refs(t, window_ids)
    device = Device(t.text("id"), kind, digest.lower() or token_digest(token), windows)
    t.finish()
    return device
