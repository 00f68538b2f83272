"""What a ``PUT``/``PATCH`` of the live configuration stores: the body's TOML keys with the id
from the path, a clerk's PIN hashed, a device's token kept only as its SHA-256."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from hallq.server.config_items import ID_KEY, Item, normalized
from hallq.server.domain.errors import Invalid
from hallq.server.domain.secrets import hash_pin, is_pin

NOT_TOML = ("version", "pin", "new_token")  # request keys that are not the section's keys


def version_of(body: dict[str, Any]) -> int | None:
    version = body.get("version")
    if version is None:
        return None
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise Invalid("version: must be the whole number GET /api/config showed",
                      field="version")
    return version


def item_body(kind: str, item_id: str, body: dict[str, Any],
              old: Item | None) -> tuple[dict[str, Any], str | None]:
    """The stored body, and a device's new token (shown once) when one was made."""
    key = ID_KEY[kind]
    given = body.get(key, item_id)
    if given != item_id:
        raise Invalid(f"{key}: {given!r} differs from the {key} in the path ({item_id!r})",
                      field=key)
    skip = (*NOT_TOML, key, *(("windows",) if kind == "services" else ()))
    stored = {key: item_id, **{k: copy.deepcopy(v) for k, v in body.items() if k not in skip}}
    token = None
    if kind == "clerks":
        _clerk_pin(stored, body, old)
    elif kind == "devices":
        token = body.get("token") if isinstance(body.get("token"), str) else None
        if "token" not in stored and "token_sha256" not in stored:
            if old is not None and not body.get("new_token"):
                stored["token_sha256"] = old.body.get("token_sha256", "")
            else:
                token = secrets.token_urlsafe(24)
                stored["token"] = token
        stored = normalized(kind, stored)
    return stored, token


def served_at(windows: object, code: str, items: list[Item]) -> list[tuple[Item, Item]]:
    """A service's ``"windows"`` (not a TOML key): the windows that serve it from now on, as
    (old, new) window items (a service must be served by a window, so a new one comes with
    them)."""
    if not (isinstance(windows, list) and all(isinstance(w, str) for w in windows)):
        raise Invalid("windows: must be a list of window ids", field="windows")
    changed = []
    for window_id in windows:
        old = next((i for i in items if i.kind == "windows" and i.id == window_id), None)
        if old is None:
            raise Invalid(f"windows: no window {window_id!r}", field="windows")
        services = old.body.get("services")
        if isinstance(services, list) and code not in services:
            body = {**old.body, "services": [*services, code]}
            changed.append((old, Item("windows", window_id, body, old.version + 1)))
    return changed


def _clerk_pin(stored: dict[str, Any], body: dict[str, Any], old: Item | None) -> None:
    pin = body.get("pin")
    if pin is not None:
        if not is_pin(pin):
            raise Invalid("pin: a PIN is 4 to 12 digits", field="pin")
        stored["pin_hash"] = hash_pin(pin)
    elif "pin_hash" not in stored:
        if old is None:
            raise Invalid("pin: a new clerk needs a PIN", field="pin")
        stored["pin_hash"] = old.body.get("pin_hash", "")


def patched(old: Item, body: dict[str, Any]) -> dict[str, Any]:
    """``PATCH``: the keys given replace the stored ones; a key given as null is removed."""
    stored = copy.deepcopy(old.body)
    for key, value in body.items():
        if key == "version":
            continue
        if key == "guide_pin" and old.kind == "policy":  # a guide's PIN, hashed like a clerk's
            if not is_pin(value):
                raise Invalid("guide_pin: a PIN is 4 to 12 digits", field="guide_pin")
            stored["guide_pin_hash"] = hash_pin(value)
            continue
        if value is None:
            stored.pop(key, None)
        else:
            stored[key] = copy.deepcopy(value)
    return stored
