"""The hall as configured: services, windows, clerks, devices. Immutable values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# The usual reasons, where a hall's config names none: the ONE definition (the caller pad gets
# them from the server's snapshot, ``hall.pause_reasons``).
PAUSE_REASONS = ("会议", "午休", "业务培训", "临时离开", "其他")  # 5.6.3
BAD_RATING_REASONS = ("服务态度差", "办事效率低", "一次性告知不清", "等候时间长", "环境设施差",
                      "其他")  # 9.3


@dataclass(frozen=True)
class OpenPeriod:
    """Open on these weekdays (0 = Monday) from ``start`` to ``end``."""

    weekdays: frozenset[int]
    start: time
    end: time


@dataclass(frozen=True)
class Guide:
    """一次性告知 (6.1.2): everything a citizen must know before coming to the window; the
    ``_en`` fields are the same in English (empty: not translated, the Chinese is shown)."""

    materials: tuple[str, ...] = ()
    time_limit: str = ""
    legal_basis: str = ""
    fee: str = ""
    notes: str = ""
    materials_en: tuple[str, ...] = ()
    time_limit_en: str = ""
    legal_basis_en: str = ""
    fee_en: str = ""
    notes_en: str = ""


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    prefix: str
    name_en: str = ""
    department: str = ""
    department_en: str = ""
    guide: Guide = field(default_factory=Guide)
    hours: tuple[OpenPeriod, ...] = ()  # empty: the hall's hours
    daily_quota: int | None = None
    weight: float = 1.0  # bends the calling order of ordinary tickets; 1.0 everywhere = none
    typical_service_s: int = 300  # wait estimate before any ticket was served
    target_service_s: int | None = None  # 限时办结 (6.1.3) at the window; None: typical_service_s

    @property
    def target_s(self) -> int:
        return self.target_service_s or self.typical_service_s


@dataclass(frozen=True)
class Window:
    id: str
    name: str
    services: tuple[str, ...]
    name_en: str = ""
    kind: str = "field"  # "comprehensive" (无差别综合窗口) or "field" (分领域综合窗口), 7.2.1
    number: int | None = None  # what the voice reads ("3号窗口"); from the id when numeric


@dataclass(frozen=True)
class Clerk:
    """Staff information that is published (6.2.1); the PIN only as a salted hash."""

    id: str
    name: str
    pin_hash: str
    job_number: str = ""
    photo: str = ""
    windows: tuple[str, ...] = ()  # empty: any window
    disabled: bool = False  # may not log in (kept for the reports' names)


@dataclass(frozen=True)
class Device:
    """A kiosk, window pad, display or bridge; what its token may do."""

    id: str
    kind: str  # kiosk | window | display | bridge | admin
    token_sha256: str
    windows: tuple[str, ...] = ()  # for kind "window": the windows it may act for


@dataclass(frozen=True)
class Policy:
    priority_needs_pin: bool = False  # green channel (6.7.3) only with a guide's PIN
    guide_pin_hash: str = ""
    require_login: bool = True  # a window calls only while a clerk is logged in
    appointment_early_s: int = 1800  # check-in accepted this long before the slot
    follow_up_days: int = 15  # deadline to follow up a bad rating (9.5)
    estimate_window: int = 20  # recent service times the wait estimate averages
    # alarms of the live hall (0: that alarm is off)
    alarm_wait_s: int = 1800  # a citizen waiting longer than this
    alarm_idle_s: int = 600  # a window paused or idle this long while its tickets wait (5.6.3)
    alarm_service_factor: float = 3.0  # a ticket served this many times its service's usual time
    alarm_device_silent_s: int = 90  # a device that has not reported for this long


@dataclass(frozen=True)
class Hall:
    name: str
    services: tuple[Service, ...]
    windows: tuple[Window, ...]
    name_en: str = ""
    timezone: str = "Asia/Shanghai"
    hours: tuple[OpenPeriod, ...] = ()  # empty: always open
    clerks: tuple[Clerk, ...] = ()
    devices: tuple[Device, ...] = ()
    policy: Policy = field(default_factory=Policy)
    pause_reasons: tuple[str, ...] = PAUSE_REASONS
    bad_rating_reasons: tuple[str, ...] = ()
    status_url: str = ""  # the ticket's status page, "{token}" replaced; printed as a QR code
    notice: str = ""
    holidays: frozenset[date] = frozenset()  # public holidays: closed all day
    make_up_days: tuple[tuple[date, int], ...] = ()  # 调休: (day, weekday whose hours it keeps)
    pause_reasons_en: tuple[str, ...] = ()  # the same reasons in English, in the same order
    bad_rating_reasons_en: tuple[str, ...] = ()

    def service(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)

    def window(self, window_id: str) -> Window | None:
        return next((w for w in self.windows if w.id == window_id), None)

    def clerk(self, clerk_id: str) -> Clerk | None:
        return next((c for c in self.clerks if c.id == clerk_id), None)

    def english_reason(self, reason: str) -> str:
        """A pause or bad-rating reason in English, where the config gives one."""
        for zh, en in ((self.pause_reasons, self.pause_reasons_en),
                       (self.bad_rating_reasons, self.bad_rating_reasons_en)):
            if reason in zh and len(en) == len(zh):
                return en[zh.index(reason)]
        return reason

    def clerk_logging_in(self, given: str) -> Clerk | None:
        """The clerk a log-in names: by id, or by the 工号 printed on the pad (ZW003), in any
        case."""
        given = given.strip()
        return self.clerk(given) or next(
            (c for c in self.clerks if given.casefold() in (c.id.casefold(),
                                                              c.job_number.casefold())), None)

    def windows_serving(self, service_code: str) -> tuple[Window, ...]:
        return tuple(w for w in self.windows if service_code in w.services)
