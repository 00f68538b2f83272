"""A ticket the server issued → the slip the printer prints (the same fields as
``hallq print-sample``'s slip, from the server's answer instead of the config)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hallq.client.names import pick_name
from hallq.contract import IssuedTicket
from hallq.hardware.printer.sample import DEFAULT_FOOTER, DEFAULT_FOOTER_EN
from hallq.hardware.printer.slip import TicketSlip
from hallq.kiosk.catalog import Service, window_names

MARKS = {"zh": ("绿色通道", "预约"), "en": ("Green channel", "Appointment")}


def slip_for(ticket: dict[str, Any], service: Service | None, snapshot: dict[str, Any],
             footer: str = DEFAULT_FOOTER, language: str = "zh",
             footer_en: str = DEFAULT_FOOTER_EN) -> TicketSlip:
    """``ticket`` is the answer to ``POST /api/tickets`` (contract ``IssuedTicket``): the one
    answer that carries the ticket's status page, printed as its QR code. In ``language``:
    the citizen's at the kiosk."""
    t = IssuedTicket.model_validate(ticket)
    hall = snapshot.get("hall") or {}
    en = language == "en"
    green, booked = MARKS["en" if en else "zh"]
    mark = f"{booked} {t.appointment_slot or ''}".strip() \
        if t.priority_reason == "appointment" else green
    zh_service = t.service_name or (service.name if service else "")
    guide = service.guide.in_language(language) if service else None
    return TicketSlip(
        hall_name=pick_name(str(hall.get("name") or ""), str(hall.get("name_en") or ""),
                            language),
        number=t.number,
        service_name=service.title(language) if service and en else zh_service,
        windows=window_names(snapshot, t.windows, language),
        waiting_ahead=t.waiting_ahead,
        issued_at=datetime.fromisoformat(t.issued_at) if t.issued_at else datetime.now(),
        priority=t.priority,
        materials=list(guide.materials) if guide else [],
        qr_url=t.status_url,
        footer=footer_en if en else footer,
        language="en" if en else "zh",
        mark=mark if t.priority else "",
    )
