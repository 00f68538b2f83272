"""Typed reading of a TOML table, with errors that name the file and the key."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class ConfigError(Exception):
    def __init__(self, path: Path | str, key: str, message: str) -> None:
        where = f"{path}: {key}" if key else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.key = str(path), key


class Table:
    """A TOML table at ``key`` of file ``path``; reading a key marks it known."""

    def __init__(self, path: Path | str, key: str, data: dict[str, Any]) -> None:
        self.path, self.key, self.data = path, key, data
        self._seen: set[str] = set()

    def where(self, name: str) -> str:
        return f"{self.key}.{name}" if self.key else name

    def error(self, name: str, message: str) -> ConfigError:
        return ConfigError(self.path, self.where(name), message)

    def _get(self, name: str, kind: type[T] | tuple[type, ...], default: Any) -> Any:
        self._seen.add(name)
        if name not in self.data:
            if default is _REQUIRED:
                raise self.error(name, "is missing")
            return default
        value = self.data[name]
        if isinstance(value, bool) and kind is not bool and kind != (bool,):
            raise self.error(name, f"must be {_kind_name(kind)}, not true/false")
        if not isinstance(value, kind):
            raise self.error(name, f"must be {_kind_name(kind)}, not {value!r}")
        return value

    def text(self, name: str, default: Any = None) -> str:
        value = self._get(name, str, _REQUIRED if default is None else default)
        if default is None and not value.strip():
            raise self.error(name, "must not be empty")
        return str(value).strip()

    def integer(self, name: str, default: Any = None, minimum: int = 0,
                maximum: int = 1_000_000) -> int:
        value = int(self._get(name, int, _REQUIRED if default is None else default))
        if not minimum <= value <= maximum:
            raise self.error(name, f"must be from {minimum} to {maximum}, not {value}")
        return value

    def number(self, name: str, default: float, maximum: float = 1_000_000.0) -> float:
        value = float(self._get(name, (int, float), default))
        if not math.isfinite(value) or not 0 < value <= maximum:
            raise self.error(name, f"must be a number greater than 0 and at most {maximum:g}, "
                             f"not {value!r}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        return bool(self._get(name, bool, default))

    def texts(self, name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self._get(name, list, list(default))
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error(item(name, i), "must be a non-empty text")
        return tuple(v.strip() for v in value)

    def table(self, name: str) -> Table:
        value = self._get(name, dict, {})
        return Table(self.path, self.where(name), value)

    def tables(self, name: str) -> Iterator[Table]:
        value = self._get(name, list, [])
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise self.error(item(name, i), "must be a table ([[...]])")
            yield Table(self.path, item(self.where(name), i, entry), entry)

    def finish(self) -> None:
        """Unknown keys are most often typos: name them instead of ignoring them."""
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            raise self.error(unknown[0], "is not a known key (a typo?)")


_REQUIRED: Any = object()


def item(name: str, index: int, data: object = None) -> str:
    """How an error names entry ``index`` (from zero) of the list ``name``: counted from one as
    people count, and by its ``id`` or ``code`` when it has one, e.g. ``windows #3 (id "3")``."""
    where = f"{name} #{index + 1}"
    if isinstance(data, dict):
        for key in ("id", "code"):
            if isinstance(data.get(key), str | int) and not isinstance(data.get(key), bool):
                return f'{where} ({key} "{data[key]}")'
    return where


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a text", int: "a whole number", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)
