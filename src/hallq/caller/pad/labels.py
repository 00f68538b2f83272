"""The lines of the pad's pick lists: what a clerk needs to choose without asking around."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from hallq.client.i18n import Texts
from hallq.client.names import local_name


def transfer_label(service: Mapping[str, Any], snapshot: Mapping[str, Any], t: Texts) -> str:
    """The service and which windows serving it are open now (a paused one is not)."""
    name = local_name(service, t.language)
    numbers = [str(w.get("number") or w.get("id")) for w in snapshot.get("windows") or []
               if w.get("status") == "open" and service["code"] in (w.get("services") or [])]
    if not numbers:
        return t("transfer_row_closed", service=name)
    return t("transfer_row", service=name, windows=t("window_numbers",
                                                     numbers="、".join(numbers)))


def missed_label(ticket: Mapping[str, Any], service_name: Callable[[str], str], t: Texts) -> str:
    """The number, its service and when it was marked a no-show (the hall's time)."""
    at = ticket.get("finished_at") or ""
    return t("missed_row", number=ticket["number"], service=service_name(ticket.get("service", "")),
             time=datetime.fromisoformat(at).strftime("%H:%M") if at else "")
