"""The ticket layout as data: a list of blocks loaded from a TOML table (see default_template.toml).

Each block has exactly one kind key — ``text``, ``qr``, ``materials``, ``rule``, ``feed`` or
``cut`` — and may have ``align``, ``size``, ``bold`` and ``when`` (print only if that slip field
is non-empty/true). Errors name the file, the table, the block (counted from 1) and the key.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from hallq.hardware.printer.errors import TemplateError

DEFAULT_TEMPLATE_FILE = Path(__file__).with_name("default_template.toml")
ENGLISH_TEMPLATE_FILE = Path(__file__).with_name("default_template_en.toml")
KINDS = ("text", "qr", "materials", "rule", "feed", "cut")
PLACEHOLDERS = (
    "hall_name", "number", "service_name", "windows", "waiting_ahead", "issued_at", "date",
    "time", "priority_mark", "footer", "qr_url",
)
WHEN_FIELDS = ("priority", "materials", "qr_url", "footer", "windows", "waiting_ahead")
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Block:
    kind: str  # one of KINDS
    value: str = ""  # text/qr: the format string; rule: the character
    align: Align = "left"
    size: int = 1
    bold: bool = False
    when: str | None = None
    lines: int = 1  # feed
    qr_size: int = 6  # QR module size in dots, 1..16
    qr_error: str = "M"  # L, M, Q or H
    bullet: str = "· "  # materials


@dataclass(frozen=True)
class Template:
    blocks: tuple[Block, ...]
    priority_mark: str = "优先"
    windows_separator: str = "、"
    source: str = "<template>"


SAMPLE = dict.fromkeys(PLACEHOLDERS, "x") | {"issued_at": datetime(2024, 1, 1), "waiting_ahead": 0}


def check_format(fmt: str, where: str) -> None:
    """Reject unknown placeholders and attribute/index access in a format string."""
    try:
        parsed = list(string.Formatter().parse(fmt))
        for _, name, _, _ in parsed:
            if name is not None and name not in PLACEHOLDERS:
                known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                raise TemplateError(f"{where}: unknown placeholder {{{name}}}; known: {known}")
        fmt.format(**SAMPLE)
    except (ValueError, KeyError, IndexError) as exc:
        raise TemplateError(f"{where}: bad format string {fmt!r}: {exc}") from None


def _get(table: dict[str, Any], key: str, kind: type, default: Any, where: str) -> Any:
    value = table.get(key, default)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TemplateError(f"{where} {key}: must be a {kind.__name__}, got {value!r}")
    return value


def block_from_table(table: dict[str, Any], where: str) -> Block:
    kinds = [k for k in KINDS if k in table]
    if len(kinds) != 1:
        raise TemplateError(f"{where}: needs exactly one of {', '.join(KINDS)}; has {kinds}")
    kind = kinds[0]
    where = f"{where} ({kind} = {table[kind]!r}):"
    allowed = {kind, "align", "size", "bold", "when", "qr_size", "qr_error", "bullet"}
    for key in table:
        if key not in allowed:
            raise TemplateError(f"{where} {key}: unknown key")
    align = _get(table, "align", str, "center" if kind == "qr" else "left", where)
    size = _get(table, "size", int, 1, where)
    when = _get(table, "when", str, "", where) or None
    qr_size = _get(table, "qr_size", int, 6, where)
    qr_error = _get(table, "qr_error", str, "M", where)
    if align not in ("left", "center", "right"):
        raise TemplateError(f'{where} align: must be "left", "center" or "right", got {align!r}')
    if not 1 <= size <= 8:
        raise TemplateError(f"{where} size: must be 1..8, got {size}")
    if when is not None and when not in WHEN_FIELDS:
        raise TemplateError(f"{where} when: must be one of {', '.join(WHEN_FIELDS)}, got {when!r}")
    if not 1 <= qr_size <= 16:
        raise TemplateError(f"{where} qr_size: must be 1..16, got {qr_size}")
    if qr_error not in ("L", "M", "Q", "H"):
        raise TemplateError(f'{where} qr_error: must be "L", "M", "Q" or "H", got {qr_error!r}')
    bold = _get(table, "bold", bool, False, where)
    bullet = _get(table, "bullet", str, "· ", where)
    block = Block(kind, "", align, size, bold, when, qr_size=qr_size, qr_error=qr_error,
                  bullet=bullet)
    if kind in ("text", "qr"):
        value = _get(table, kind, str, "", where)
        check_format(value, f"{where} {kind}")
        return replace(block, value=value)
    if kind == "rule":
        value = _get(table, "rule", str, "-", where)
        if len(value) != 1:
            raise TemplateError(f"{where} rule: must be one character, got {value!r}")
        return replace(block, value=value)
    if kind == "feed":
        lines = _get(table, "feed", int, 1, where)
        if not 0 <= lines <= 255:
            raise TemplateError(f"{where} feed: must be 0..255 lines, got {lines}")
        return replace(block, lines=lines)
    if _get(table, kind, bool, True, where) is not True:
        raise TemplateError(f"{where} {kind}: must be true")
    return block


def template_from_table(table: dict[str, Any], source: str, name: str = "template") -> Template:
    """Build a template from the TOML table ``name`` read from ``source`` (for messages)."""
    blocks = table.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        raise TemplateError(f"{source}: {name}.blocks: missing or empty (use [[{name}.blocks]])")
    for key in table:
        if key not in ("blocks", "priority_mark", "windows_separator"):
            raise TemplateError(f"{source}: {name}.{key}: unknown key")
    parsed = []
    for i, item in enumerate(blocks, start=1):
        if not isinstance(item, dict):
            raise TemplateError(f"{source}: {name}.blocks #{i}: must be a table")
        parsed.append(block_from_table(item, f"{source}: {name}.blocks #{i}"))
    where = f"{source}: {name}."
    return Template(
        tuple(parsed),
        priority_mark=_get(table, "priority_mark", str, "优先", where),
        windows_separator=_get(table, "windows_separator", str, "、", where),
        source=source,
    )


def load_template(path: Path, name: str = "template") -> Template:
    """Load the template table ``name`` (dotted, e.g. ``printer.template``) from a TOML file."""
    try:
        with path.open("rb") as fh:
            data: Any = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read template: {exc}") from None
    for part in name.split("."):
        if not isinstance(data, dict) or part not in data:
            raise TemplateError(f"{path}: no [{name}] table")
        data = data[part]
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: {name}: must be a table")
    return template_from_table(data, str(path), name)


def default_template(language: str = "zh") -> Template:
    """The built-in ticket layout in Chinese, or (``en``) in English."""
    return load_template(ENGLISH_TEMPLATE_FILE if language == "en" else DEFAULT_TEMPLATE_FILE)
