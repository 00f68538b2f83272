"""What the queue server answers, declared once: the server documents and checks its answers
with these models (``response_model``), the apps parse the server's JSON with them
(``Model.model_validate``). Imports nothing of hallq's server, client, apps or hardware."""

from __future__ import annotations

from hallq.contract.alarms import Alarm, Device, HeartbeatAnswer
from hallq.contract.config import (
    AuditEntry,
    ConfigItem,
    ImportAnswer,
    LiveConfig,
    Removed,
)
from hallq.contract.errors import ErrorBody
from hallq.contract.events import Event, Hello
from hallq.contract.follow_ups import FollowUp, FollowUpCounts, FollowUpNote
from hallq.contract.live import LiveView
from hallq.contract.reports import (
    ClerkRank,
    DailyReport,
    DeskFigures,
    PeriodFigures,
    PeriodReport,
    ServiceFigures,
    WindowToday,
)
from hallq.contract.state import Clerk, ClerkPhoto, HallInfo, LastCall, StateSnapshot, Window
from hallq.contract.tickets import (
    Appointment,
    CallAnswer,
    Guide,
    Health,
    IssuedTicket,
    Rating,
    RatingOptions,
    Service,
    Ticket,
)

__all__ = [
    "Alarm", "Appointment", "AuditEntry", "CallAnswer", "Clerk",
    "ClerkPhoto", "ClerkRank", "ConfigItem",
    "DailyReport", "DeskFigures", "Device", "ErrorBody", "Event", "FollowUp", "FollowUpCounts",
    "FollowUpNote", "Guide", "HallInfo", "Health", "HeartbeatAnswer", "Hello", "ImportAnswer",
    "IssuedTicket", "LastCall", "LiveConfig", "LiveView", "PeriodFigures", "PeriodReport",
    "Rating", "RatingOptions", "Removed", "Service", "ServiceFigures", "StateSnapshot", "Ticket",
    "Window", "WindowToday",
]
