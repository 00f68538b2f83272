"""What goes on a ticket slip: the facts of one issued ticket, ready to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class TicketSlip:
    """One ticket as the citizen takes it home; the template decides where each field goes."""

    hall_name: str
    number: str
    service_name: str
    windows: list[str]
    waiting_ahead: int
    issued_at: datetime
    priority: bool = False
    materials: list[str] = field(default_factory=list)
    qr_url: str | None = None
    footer: str = ""
    language: str = "zh"  # the citizen's language at the kiosk: the template printed in it
    mark: str = ""  # what kind of priority ticket: 绿色通道, 预约 09:00-09:30 (else priority_mark)
