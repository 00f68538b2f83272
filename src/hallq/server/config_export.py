"""``hallq config export``: the live configuration as TOML that imports back to the same hall,
with a comment before each section; and the differences between two configurations (what an
import would change)."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hallq.server.config_items import LISTS, SECRETS, SINGLE, Item, for_audit, ordered

COMMENTS = {
    "hall": "The hall: name, time zone, opening hours, the notice line of the displays.",
    "policy": "Rules of the hall: green channel, log-in, check-in, follow-ups, pause and\n"
              "bad-rating reasons.",
    "services": "Services (事项): code is the stable id used by the API, prefix starts the "
                "ticket\nnumber; guide is the 一次性告知 (6.1.2).",
    "windows": "Windows: the services each serves (7.2.1; \"*\" for all).",
    "clerks": "Clerks: PINs only as hashes (hallq hash-pin); windows empty = any window;\n"
              "disabled = true: may not log in.",
    "devices": "Devices and what their token may do (kiosk, window, display, bridge, admin);\n"
               "tokens only as their SHA-256.",
}
HEADER = ("# hallq hall configuration, exported from the database (hallq config export).\n"
          "# The database holds the live configuration: edit it in the console or the API, or\n"
          "# edit this file and run `hallq config import FILE`. docs/config.md has every key.\n")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("nan" if value != value else
                                                          ("inf" if value > 0 else "-inf"))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string is a JSON string
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() \
        else json.dumps(key, ensure_ascii=False)


def _table(header: str, body: dict[str, Any]) -> list[str]:
    lines = [header]
    nested = {k: v for k, v in body.items() if isinstance(v, dict)}
    lines += [f"{_key(k)} = {_value(v)}" for k, v in body.items() if k not in nested]
    name = header.strip("[]")
    for key, table in nested.items():
        lines += _table(f"[{name}.{_key(key)}]", table)
    return lines


def to_toml(items: Sequence[Item]) -> str:
    out = [HEADER]
    for kind in SINGLE + LISTS:
        of_kind = [i for i in ordered(items) if i.kind == kind]
        out.append("# " + COMMENTS[kind].replace("\n", "\n# "))
        for item in of_kind:
            out += _table(f"[{kind}]" if kind in SINGLE else f"[[{kind}]]", item.body)
            out.append("")
        if not of_kind:
            out.append("")
    return "\n".join(out).rstrip() + "\n"


@dataclass(frozen=True)
class Difference:
    action: str  # add | change | remove | order
    target: str
    before: Any
    after: Any

    def line(self) -> str:
        sign = {"add": "+", "remove": "-", "change": "~", "order": "~"}[self.action]
        if self.action == "change":
            keys = sorted(k for k in set(self.before) | set(self.after)
                          if self.before.get(k) != self.after.get(k) and k != "version")
            return f"{sign} {self.target}: {', '.join(keys)}"
        if self.action == "order":
            return f"{sign} {self.target}: order {', '.join(self.after)}"
        return f"{sign} {self.target}"


def differences(old: Sequence[Item], new: Sequence[Item]) -> list[Difference]:
    before = {(i.kind, i.id): i for i in old}
    after = {(i.kind, i.id): i for i in new}
    found: list[Difference] = []
    for key, item in after.items():
        was = before.get(key)
        if was is None:
            found.append(Difference("add", item.target, None, for_audit(item)))
        elif was.body != item.body:
            found.append(Difference("change", item.target, _plain(was), _plain(item)))
    for key, item in before.items():
        if key not in after:
            found.append(Difference("remove", item.target, for_audit(item), None))
    for kind in LISTS:
        old_ids = [i.id for i in ordered(old) if i.kind == kind and (kind, i.id) in after]
        new_ids = [i.id for i in ordered(new) if i.kind == kind and (kind, i.id) in before]
        if old_ids != new_ids:
            found.append(Difference("order", kind, old_ids, new_ids))
    return found


def _plain(item: Item) -> dict[str, Any]:
    """The body for comparing keys: secrets shown as whether they changed, never their value."""
    return {k: (f"(secret {hashlib.sha256(v.encode()).hexdigest()[:8]})"
                if k in SECRETS and isinstance(v, str) and v else v)
            for k, v in item.body.items()}
