"""Sample tickets: the example hall's ticket (tests, bench) and one built from a hall config.

The hall config is read with the server's loader: [hall] name and status_url (the ticket's QR),
the first [[services]] with its guide's materials, the [[windows]] serving it; [printer] footer.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from hallq.hardware.printer.errors import PrinterConfigError
from hallq.hardware.printer.slip import TicketSlip

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


def slip_from_hall_config(path: Path, issued_at: datetime | None = None) -> TicketSlip:
    """A sample ticket (number PREFIX001) for the first service of the hall config at ``path``,
    read with the server's own loader, so errors name the file and key the same way."""
    from hallq.server.config import load_hall
    from hallq.server.tomlreader import ConfigError

    try:
        hall = load_hall(path)
    except ConfigError as exc:
        raise HallConfigError(str(exc)) from None
    printer = app_section(path, "printer")
    service = hall.services[0]
    footer = printer.get("footer", DEFAULT_FOOTER)
    return TicketSlip(
        hall_name=hall.name, number=f"{service.prefix}001", service_name=service.name,
        windows=[w.name for w in hall.windows_serving(service.code)], waiting_ahead=0,
        issued_at=issued_at or datetime.now(), priority=False,
        materials=list(service.guide.materials),
        qr_url=hall.status_url.replace("{token}", "sample") if hall.status_url else None,
        footer=str(footer),
    )


def app_section(path: Path, name: str) -> dict[str, Any]:
    with path.open("rb") as fh:
        section = tomllib.load(fh).get(name, {})
    return section if isinstance(section, dict) else {}
