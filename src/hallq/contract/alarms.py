"""The live hall's alarms and the devices' heartbeats."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hallq.contract.base import Answer

AlarmKind = Literal["long_wait", "window_idle", "long_service", "device_silent", "printer"]
App = Literal["kiosk", "display", "caller", "rating", "bridge"]


class Alarm(Answer):
    """Raised while its condition holds; ``key`` stays the same until it is cleared."""

    key: str = Field(description="e.g. long_wait:biz, window_idle:3, printer:kiosk-1/kiosk")
    kind: AlarmKind
    since: str | None = Field(None, description="when the condition began")
    raised_at: str | None = None
    minutes: int = Field(0, description="how long the condition has lasted")
    message: str
    message_en: str
    window: str | None = None
    service: str | None = None
    device: str | None = None
    ticket: str | None = Field(None, description="a ticket's number, e.g. A012")


class Device(Answer):
    """A reporting app as the server last heard from it."""

    key: str
    device: str = Field(description="the device id of its token")
    app: App
    window: str | None = None
    host: str = ""
    last_seen: str | None = None
    printer: str | None = None
    silent: bool = False


class HeartbeatAnswer(Answer):
    """The answer to a heartbeat: how this app is now known, and when to report again."""

    device: Device
    next_in_s: int = Field(description="send the next heartbeat within this many seconds")
