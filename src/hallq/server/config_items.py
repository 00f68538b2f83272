"""The live configuration as items: ``[hall]``, ``[policy]`` and one item per service, window,
clerk and device, each with the TOML keys of its section (what the database stores, what
``GET /api/config`` shows, what ``hallq config export`` writes).

A set of items becomes a ``Hall`` through the TOML loader's own ``parse_hall``: the same rules
for a file, a change through the API and an import (one set of rules, not two)."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hallq.common.tomlreader import ConfigError, Table
from hallq.server.config import parse_hall, toml_text
from hallq.server.domain.hall import Hall
from hallq.server.domain.secrets import token_digest

SINGLE = ("hall", "policy")
LISTS = ("services", "windows", "clerks", "devices")
KINDS = SINGLE + LISTS
ID_KEY = {"services": "code", "windows": "id", "clerks": "id", "devices": "id"}
SECRETS = ("pin_hash", "token", "token_sha256", "guide_pin_hash")


@dataclass(frozen=True)
class Item:
    kind: str  # hall | policy | services | windows | clerks | devices
    id: str  # "" for hall and policy
    body: dict[str, Any]  # the TOML keys of the section
    version: int = 1

    @property
    def target(self) -> str:
        return f"{self.kind}/{self.id}" if self.id else self.kind


def ordered(items: Iterable[Item]) -> list[Item]:
    """Hall, policy, then each kind in its order (the order kept within a kind)."""
    items = list(items)
    return sorted(items, key=lambda i: KINDS.index(i.kind))


def to_data(items: Sequence[Item]) -> dict[str, Any]:
    data: dict[str, Any] = {"hall": {}, "policy": {}, **{k: [] for k in LISTS}}
    for item in ordered(items):
        if item.kind in SINGLE:
            data[item.kind] = copy.deepcopy(item.body)
        else:
            data[item.kind].append(copy.deepcopy(item.body))
    return data


def normalized(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """A device's token is kept only as its SHA-256 (as ``token_sha256``)."""
    body = copy.deepcopy(body)
    if kind == "devices" and isinstance(body.get("token"), str) and "token_sha256" not in body:
        body["token_sha256"] = token_digest(body.pop("token").strip())
    return body


def from_data(data: dict[str, Any]) -> list[Item]:
    """The server's sections of a parsed TOML file (already checked by ``load_hall``)."""
    items = [Item(k, "", normalized(k, data.get(k) or {})) for k in SINGLE]
    for kind in LISTS:
        for body in data.get(kind) or []:
            items.append(Item(kind, str(body[ID_KEY[kind]]).strip(), normalized(kind, body)))
    return items


def from_toml(text: str, source: str = "import") -> list[Item]:
    """A whole configuration file's server sections, checked by the loader first (its app
    sections too: a file with any error is refused as a whole)."""
    data = toml_text(text, source)
    parse_hall(Table(source, "", data))
    return from_data(data)


def build_hall(items: Sequence[Item]) -> Hall:
    """The hall these items describe, by the loader's rules; ``ConfigError`` names the key."""
    return parse_hall(Table("database", "", to_data(items)))


def where(items: Sequence[Item], error: ConfigError) -> tuple[Item | None, str]:
    """The item an error of ``build_hall`` is about, and the key inside it ("" for itself)."""
    # the loader names an entry ``windows #3 (id "12")``, counted from one (tomlreader.item)
    match = re.match(r'(\w+) #(\d+)(?: \((?:id|code) "[^"]*"\))?(?:\.(.*))?$', error.key)
    if match and match[1] in LISTS:
        of_kind = [i for i in ordered(items) if i.kind == match[1]]
        index = int(match[2]) - 1
        if index < len(of_kind):
            return of_kind[index], match[3] or ""
    head, _, rest = error.key.partition(".")
    if head in SINGLE:
        return next((i for i in items if i.kind == head), None), rest
    return None, error.key


def message(error: ConfigError) -> str:
    return str(error).removeprefix(f"{error.path}: ").removeprefix(f"{error.key}: ")


def described(items: Sequence[Item], error: ConfigError) -> str:
    """``windows/1: services #1: no service 'biz'`` rather than the loader's
    ``windows #1 (id "1").services #1``."""
    item, key = where(items, error)
    name = item.target if item else ""
    return ": ".join(p for p in (name, key, message(error)) if p)


def public(item: Item) -> dict[str, Any]:
    """What ``GET /api/config`` shows: the keys without PIN and token hashes, and the version."""
    body = {k: v for k, v in item.body.items() if k not in SECRETS}
    return {**body, "version": item.version}


def for_audit(item: Item | None) -> dict[str, Any] | None:
    if item is None:
        return None
    body = {k: v for k, v in item.body.items() if k not in SECRETS}
    secrets = sorted(k for k in SECRETS if item.body.get(k))
    return {**body, **({"secrets_set": secrets} if secrets else {}), "version": item.version}
