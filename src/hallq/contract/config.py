"""``GET /api/config``, the answers of its changes and ``GET /api/audit``.

An item carries the TOML keys of its section (docs/config.md describes them; they are checked by
the server with the loader's rules, not here) and its ``version``; never a PIN or token hash."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from hallq.contract.base import Answer


class ConfigItem(Answer):
    """One section: ``[hall]``, ``[policy]``, or one service, window, clerk or device. The
    answer to a ``PUT`` of a device that made a new token also carries it, once: ``token``."""

    model_config = ConfigDict(extra="allow", frozen=True)

    version: int = Field(description="raised by one with each change; send it back with a "
                         "change: a stale one is refused (409 version_conflict)")


class LiveConfig(Answer):
    hall: ConfigItem
    policy: ConfigItem
    services: list[ConfigItem]
    windows: list[ConfigItem]
    clerks: list[ConfigItem]
    devices: list[ConfigItem]


class AuditEntry(Answer):
    at: str
    who: str = Field(description="token id (admin, a device), console user, or clerks/ID for "
                     "a log-in")
    action: str = Field(description="config.put, config.delete, config.patch, config.import, "
                        "config.seed, login.ok, login.wrong_pin, login.locked, login.refused")
    target: str = Field(description="e.g. services/biz, hall, windows/3")
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class Removed(Answer):
    removed: str = Field(description="what was removed, e.g. devices/kiosk-2")


class ImportAnswer(Answer):
    changes: list[str] = Field(description="one line per difference: + added, - removed, "
                               "~ changed (its keys)")
    applied: bool
