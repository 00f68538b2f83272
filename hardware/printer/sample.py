"""Sample tickets: the example hall's ticket (tests, bench) and one built from a hall config.

The hall config loader lives elsewhere; until it is shared, the few keys a sample ticket needs
are read here with tomllib: [hall] name, the first [[services]] (code, name, prefix,
[services.guide] materials), the [[windows]] serving it, and [printer] status_url / footer.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from hardware.printer.errors import PrinterConfigError
from hardware.printer.slip import TicketSlip

DEFAULT_FOOTER = "请妥善保管本票，过号请重新取号"


class HallConfigError(PrinterConfigError):
    """The hall config lacks a key the sample ticket needs; the message names file and key."""


def example_slip(issued_at: datetime | None = None, *, priority: bool = False) -> TicketSlip:
    """A realistic ticket of the example hall."""
    return TicketSlip(
        hall_name="示例市政务服务中心",
        number="A012",
        service_name="企业开办",
        windows=["1号窗口", "2号窗口"],
        waiting_ahead=5,
        issued_at=issued_at or datetime(2024, 5, 18, 9, 41, 27),
        priority=priority,
        materials=["营业执照申请书", "法定代表人身份证原件", "公司章程（全体股东签字）"],
        qr_url="http://192.168.1.10:8000/t/20240518-A012",
        footer=DEFAULT_FOOTER,
    )


def _need(table: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(table, dict) or key not in table:
        raise HallConfigError(f"{where}.{key}: missing")
    value = table[key]
    if not isinstance(value, kind):
        raise HallConfigError(f"{where}.{key}: must be a {kind.__name__}, got {value!r}")
    return value


def slip_from_hall_config(path: Path, issued_at: datetime | None = None) -> TicketSlip:
    """A sample ticket (number PREFIX001) for the first service of the hall config at ``path``."""
    try:
        with path.open("rb") as fh:
            config = tomllib.load(fh)
    except OSError as exc:
        raise HallConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise HallConfigError(f"{path}: not valid TOML: {exc}") from None
    hall_name = _need(config.get("hall"), "name", str, f"{path}: hall")
    services = _need(config, "services", list, f"{path}:")
    if not services:
        raise HallConfigError(f"{path}: services: at least one [[services]] is needed")
    service = services[0]
    where = f"{path}: services[0]"
    code = _need(service, "code", str, where)
    name = _need(service, "name", str, where)
    prefix = service.get("prefix", "A") if isinstance(service, dict) else "A"
    guide = service.get("guide", {})
    materials = guide.get("materials", []) if isinstance(guide, dict) else None
    if not isinstance(materials, list) or not all(isinstance(m, str) for m in materials):
        raise HallConfigError(f"{where}.guide.materials: must be a list of strings")
    windows = []
    for i, window in enumerate(config.get("windows", [])):
        serves = _need(window, "services", list, f"{path}: windows[{i}]")
        if code in serves:
            windows.append(str(window.get("name") or window.get("id", i + 1)))
    printer = config.get("printer", {})
    status_url = printer.get("status_url") if isinstance(printer, dict) else None
    qr_url = None
    if status_url is not None:
        if not isinstance(status_url, str) or "{ticket_id}" not in status_url:
            raise HallConfigError(
                f"{path}: printer.status_url: must be a string with {{ticket_id}}, "
                f"got {status_url!r}"
            )
        qr_url = status_url.replace("{ticket_id}", "sample")
    footer = printer.get("footer", DEFAULT_FOOTER) if isinstance(printer, dict) else DEFAULT_FOOTER
    return TicketSlip(
        hall_name=hall_name, number=f"{prefix}001", service_name=name, windows=windows,
        waiting_ahead=0, issued_at=issued_at or datetime.now(), priority=False,
        materials=list(materials), qr_url=qr_url, footer=str(footer),
    )
