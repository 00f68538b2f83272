"""Sample tickets: the example hall's ticket (tests, bench) and the default footer.

``hallq.print_sample`` builds a sample ticket from a hall config: it reads the config with the
server's loader, which this driver layer may not import (docs/architecture-layers.md).
"""

from __future__ import annotations

from datetime import datetime

from hallq.hardware.printer.errors import PrinterConfigError
from hallq.hardware.printer.slip import TicketSlip

# True to the hall's rule: a clerk restores a missed ticket (POST /api/tickets/{id}/restore),
# so a citizen who missed the call keeps the ticket and asks at the window.
DEFAULT_FOOTER = "请妥善保管本票，过号请到窗口恢复排队"
DEFAULT_FOOTER_EN = "Missed your call? Show this ticket at a window"


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

