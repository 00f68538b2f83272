"""A ticket the server issued → the slip the printer prints (the same fields as
``hallq print-sample``'s slip, from the server's answer instead of the config)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hallq.hardware.printer.sample import DEFAULT_FOOTER
from hallq.hardware.printer.slip import TicketSlip
from hallq.kiosk.catalog import Service, window_names


def slip_for(ticket: dict[str, Any], service: Service | None, snapshot: dict[str, Any],
             footer: str = DEFAULT_FOOTER) -> TicketSlip:
    hall = snapshot.get("hall") or {}
    issued = ticket.get("issued_at")
    return TicketSlip(
        hall_name=str(hall.get("name") or ""),
        number=str(ticket["number"]),
        service_name=str(ticket.get("service_name") or (service.name if service else "")),
        windows=window_names(snapshot, ticket.get("windows") or []),
        waiting_ahead=int(ticket.get("waiting_ahead") or 0),
        issued_at=datetime.fromisoformat(issued) if issued else datetime.now(),
        priority=bool(ticket.get("priority")),
        materials=list(service.guide.materials) if service else [],
        qr_url=ticket.get("status_url"),
        footer=footer,
    )
