"""What the queue server answers, declared once: the server documents and checks its answers
with these models (``response_model``), the apps parse the server's JSON with them
(``Model.model_validate``). Imports nothing of hallq's server, client, apps or hardware."""

from __future__ import annotations

from hallq.contract.config import (
    AuditEntry,
    ConfigItem,
    ImportAnswer,
    LiveConfig,
    Removed,
)
from hallq.contract.errors import ErrorBody
from hallq.contract.events import Event, Hello
from hallq.contract.reports import (
    ClerkRank,
    DailyReport,
    DeskFigures,
    PeriodFigures,
    PeriodReport,
    ServiceFigures,
    WindowToday,
)
from hallq.contract.state import Clerk, HallInfo, LastCall, StateSnapshot, Window
from hallq.contract.tickets import (
    Appointment,
    CallAnswer,
    Guide,
    Health,
    IssuedTicket,
    Rating,
    Service,
    Ticket,
)

FollowUp = Rating  # a follow-up is the bad rating it follows, with its follow-up fields

__all__ = [
    "Appointment", "AuditEntry", "CallAnswer", "Clerk", "ClerkRank", "ConfigItem",
    "DailyReport", "DeskFigures", "ErrorBody", "Event", "FollowUp", "Guide",
    "HallInfo", "Health", "Hello", "ImportAnswer", "IssuedTicket", "LastCall", "LiveConfig",
    "PeriodFigures", "PeriodReport", "Rating", "Removed", "Service", "ServiceFigures",
    "StateSnapshot", "Ticket", "Window", "WindowToday",
]
