"""A ticket the server issued → the slip the printer prints (the same fields as
``hallq print-sample``'s slip, from the server's answer instead of the config)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hallq.contract import IssuedTicket
from hallq.hardware.printer.sample import DEFAULT_FOOTER
from hallq.hardware.printer.slip import TicketSlip
from hallq.kiosk.catalog import Service, window_names


def slip_for(ticket: dict[str, Any], service: Service | None, snapshot: dict[str, Any],
             footer: str = DEFAULT_FOOTER) -> TicketSlip:
    """``ticket`` is the answer to ``POST /api/tickets`` (contract ``IssuedTicket``): the one
    answer that carries the ticket's status page, printed as its QR code."""
    t = IssuedTicket.model_validate(ticket)
    hall = snapshot.get("hall") or {}
    return TicketSlip(
        hall_name=str(hall.get("name") or ""),
        number=t.number,
        service_name=t.service_name or (service.name if service else ""),
        windows=window_names(snapshot, t.windows),
        waiting_ahead=t.waiting_ahead,
        issued_at=datetime.fromisoformat(t.issued_at) if t.issued_at else datetime.now(),
        priority=t.priority,
        materials=list(service.guide.materials) if service else [],
        qr_url=t.status_url,
        footer=footer,
    )
