"""The services as the kiosk shows them: read from ``GET /api/services``, grouped by department,
with live waiting counts from the shared snapshot. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from hallq import contract
from hallq.client.names import local_name, pick_name
from hallq.contract import Guide  # 一次性告知 (6.1.2), as the server answers it
from hallq.hardware.printer.layout import compact_windows


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    name_en: str
    department: str
    waiting: int
    estimated_wait_s: int
    open: bool
    closed_reason: str | None
    windows: tuple[str, ...]
    guide: Guide = field(default_factory=Guide)
    department_en: str = ""
    opens_at: str | None = None  # closed by its hours: when it opens again (local ISO)
    open_windows: int = -1  # windows that can call it now; -1: not known

    @property
    def readable(self) -> bool:
        """Its guide can be read: open, or only outside its hours (not full for today)."""
        return self.open or self.closed_reason == "outside_hours"

    def title(self, language: str) -> str:
        return pick_name(self.name, self.name_en, language)

    def department_title(self, language: str) -> str:
        return pick_name(self.department, self.department_en, language)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Service:
        """One service of ``GET /api/services``, read with the contract's model."""
        s = contract.Service.model_validate(data)
        return cls(code=s.code, name=s.name, name_en=s.name_en, department=s.department,
                   waiting=s.waiting, estimated_wait_s=s.estimated_wait_s, open=s.open,
                   closed_reason=s.closed_reason, windows=tuple(s.windows), guide=s.guide,
                   department_en=s.department_en, opens_at=s.opens_at,
                   open_windows=s.open_windows)


def by_department(services: list[Service]) -> list[tuple[str, list[Service]]]:
    """Departments in the order their first service appears in the hall config."""
    groups: dict[str, list[Service]] = {}
    for service in services:
        groups.setdefault(service.department, []).append(service)
    return list(groups.items())


def with_counts(services: list[Service], waiting: dict[str, int]) -> list[Service]:
    """The services with the live waiting counts of the snapshot; the server's wait estimate
    scales with the count (-1: not known until the services are read again)."""
    result = []
    for s in services:
        count = int(waiting.get(s.code, s.waiting))
        per_ticket = s.estimated_wait_s / s.waiting if s.waiting else None
        if not count:
            estimate = 0
        elif per_ticket is None:
            estimate = -1  # unknown until the services are read again
        else:
            estimate = round(per_ticket * count)
        result.append(replace(s, waiting=count, estimated_wait_s=estimate))
    return result


def window_names(snapshot: dict[str, Any], ids: tuple[str, ...] | list[str],
                 language: str = "zh") -> list[str]:
    names = {str(w["id"]): local_name(w, language) for w in snapshot.get("windows", [])}
    return [names.get(str(i), str(i)) for i in ids]


def compact(names: list[str], language: str) -> str:
    """``1、2、3号窗口`` in Chinese; ``Windows 1, 2, 3`` in English."""
    if language != "en":
        return compact_windows(names, "、")
    if len(names) > 1 and all(n.startswith("Window ") for n in names):
        return "Windows " + ", ".join(n.removeprefix("Window ") for n in names)
    return ", ".join(names)


def pack(spans: list[int], columns: int) -> tuple[list[tuple[int, int]], int]:
    """Places cards ``spans`` wide in reading order on a grid of ``columns``: (row, column) of
    each, and the number of rows."""
    places, row, col = [], 0, 0
    for span in spans:
        if col + span > columns:
            row, col = row + 1, 0
        places.append((row, col))
        row, col = (row + 1, 0) if col + span >= columns else (row, col + span)
    return places, row + (col > 0)


def best_columns(spans: list[int], most: int) -> int:
    """The column count (2 … ``most``) with the fewest rows, then the fewest empty cells."""
    def cost(columns: int) -> tuple[int, int]:
        fitted = [min(span, columns) for span in spans]
        rows = pack(fitted, columns)[1]
        return rows, rows * columns - sum(fitted)
    return min(range(2, max(2, most) + 1), key=lambda c: (*cost(c), -c))
