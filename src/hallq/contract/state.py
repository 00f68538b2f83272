"""``GET /api/state`` (and the ``hello`` event's ``state``): windows, waiting counts, calls."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from hallq.contract.base import Answer
from hallq.contract.tickets import Ticket

WindowStatus = Literal["open", "paused", "closed"]


class Clerk(Answer):
    id: str
    name: str
    job_number: str = ""
    photo: str = ""
    photo_url: str | None = Field(None, description="a photo uploaded in the console: "
                                  "GET it (ClerkPhoto); a new photo has a new address")


class ClerkPhoto(Answer):
    """``GET /api/clerks/{id}/photo``: the clerk's uploaded photo, a JPEG of at most 600x800."""

    clerk: str
    content_type: str = "image/jpeg"
    version: str = Field(..., description="the photo's SHA-256: the same version, the same bytes")
    data_base64: str = Field(..., description="the picture's bytes, base64")


class Window(Answer):
    id: str
    name: str
    name_en: str = ""
    kind: str = Field("field", description="comprehensive (无差别) or field (分领域)")
    number: int | None = Field(None, description="what the voice reads (3号窗口)")
    services: list[str] = Field(default_factory=list)
    status: WindowStatus
    pause_reason: str | None = None
    pause_reason_en: str | None = Field(None, description="the pause reason in English "
                                        "([policy] pause_reasons_en), else as pause_reason")
    current: Ticket | None = None
    last_finished: int | None = None
    clerk: Clerk | None = None


class LastCall(Answer):
    number: str
    window: str
    window_name: str
    at: str | None = None
    recall: bool = False


class HallInfo(Answer):
    name: str
    name_en: str = ""
    notice: str = ""
    pause_reasons: list[str] = Field(default_factory=list,
                                     description="the reasons a window may pause with (5.6.3)")
    pause_reasons_en: list[str] = Field(default_factory=list, description="the same in "
                                        "English, in the same order; empty: not translated")


class StateSnapshot(Answer):
    hall: HallInfo
    seq: int
    at: str | None = None
    windows: list[Window] = Field(default_factory=list)
    waiting: dict[str, int] = Field(default_factory=dict, description="service code → count")
    last_calls: list[LastCall] = Field(default_factory=list, description="newest first")
