"""The live hall's alarms: what the people running the hall must see now, each against a
threshold of the hall's ``[policy]``. Pure: given the live queue, the devices' last reports and
the time; :class:`AlarmBook` remembers which are raised, to say what was raised or cleared."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from hallq.server.domain.devices import PRINTER_BAD, PRINTER_NAMES, DeviceHealth
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import Ticket, WindowStatus

KINDS = ("long_wait", "window_idle", "long_service", "device_silent", "printer")


@dataclass(frozen=True)
class Alarm:
    """``key`` is stable while the condition lasts (``long_wait:biz``); ``since`` is when the
    condition began, ``raised_at`` when it crossed its threshold and was raised."""

    key: str
    kind: str
    since: datetime
    message: str
    message_en: str
    raised_at: datetime | None = None
    window: str | None = None
    service: str | None = None
    device: str | None = None
    ticket: str | None = None


def _minutes(seconds: float) -> int:
    return int(seconds // 60)


def _oldest(state: QueueState) -> dict[str, datetime]:
    """Since when the longest-waiting ticket of each service with anybody waiting has waited
    (from the waiting index, without a walk: this runs after every batch of changes)."""
    oldest: dict[str, datetime] = {}
    for service in state.hall.services:
        first = state.oldest_waiting(service.code)
        if first is not None:
            oldest[service.code] = first
    return oldest


def _long_waits(state: QueueState, oldest: Mapping[str, datetime], limit: int,
                now: datetime) -> Iterable[Alarm]:
    cutoff = now - timedelta(seconds=limit)
    for service in state.hall.services:
        if service.code not in oldest or oldest[service.code] >= cutoff:
            continue
        late = state.waiting_since_before(service.code, cutoff)  # from the index, no walk
        first = state.longest_waiting(service.code)
        assert first is not None  # somebody waits: oldest[service.code] says so
        waited = _minutes((now - first.queued_at).total_seconds())
        yield Alarm(
            f"long_wait:{service.code}", "long_wait", first.queued_at,
            f"{service.name}：{late}人等候超过{limit // 60}分钟（{first.number} 已等"
            f"{waited}分钟）",
            f"{service.name_en or service.name}: {late} waiting over {limit // 60} min "
            f"({first.number} for {waited} min)", service=service.code, ticket=first.number)


def _idle_windows(state: QueueState, oldest: Mapping[str, datetime],
                  idle_since: Mapping[str, datetime], limit: int,
                  now: datetime) -> Iterable[Alarm]:
    counts = state.waiting_counts()
    for config in state.hall.windows:
        window = state.windows[config.id]
        if window.status is WindowStatus.PAUSED and window.paused_at is not None:
            began = window.paused_at
        elif window.status is WindowStatus.OPEN and window.current is None \
                and config.id in idle_since:
            began = idle_since[config.id]
        else:
            continue
        waiting = sum(counts.get(code, 0) for code in config.services)
        if not waiting:
            continue
        since = max(began, min(oldest[code] for code in config.services if code in oldest))
        if (now - since).total_seconds() <= limit:
            continue
        mins = _minutes((now - since).total_seconds())
        paused = window.status is WindowStatus.PAUSED
        zh = f"暂停（{window.pause_reason}）" if paused else "空闲未叫号"
        en = f"paused ({window.pause_reason})" if paused else "idle, calling nobody"
        yield Alarm(f"window_idle:{config.id}", "window_idle", since,
                    f"{config.name}{zh}{mins}分钟，{waiting}人在等候",
                    f"{config.name_en or config.name} {en} for {mins} min with "
                    f"{waiting} waiting", window=config.id)


MIN_USUAL_S = 60.0


def _long_services(state: QueueState, factor: float, now: datetime) -> Iterable[Alarm]:
    for config in state.hall.windows:
        ticket: Ticket | None = state.current_of(config.id)
        service = state.hall.service(ticket.service) if ticket else None
        if ticket is None or service is None or ticket.called_at is None:
            continue
        # a usual time under a minute is a handful of quick tickets, not a norm: a ticket is
        # "far longer than usual" only past factor × at least a minute (and says whole minutes)
        usual = max(state.average_service_s(service), MIN_USUAL_S)
        served = (now - ticket.called_at).total_seconds()
        if served <= factor * usual:
            continue
        yield Alarm(f"long_service:{config.id}", "long_service", ticket.called_at,
                    f"{config.name}办理{ticket.number}已{_minutes(served)}分钟"
                    f"（通常约{max(1, round(usual / 60))}分钟）",
                    f"{config.name_en or config.name} serving {ticket.number} for "
                    f"{_minutes(served)} min (usually about {max(1, round(usual / 60))} min)",
                    window=config.id, service=service.code, ticket=ticket.number)


def _devices(devices: Iterable[DeviceHealth], silent_s: int, now: datetime) -> Iterable[Alarm]:
    for d in devices:
        quiet = (now - d.last_seen).total_seconds()
        if silent_s and quiet > silent_s:
            yield Alarm(f"device_silent:{d.key}", "device_silent", d.last_seen,
                        f"{d.label()} {_minutes(quiet) or 1}分钟未报告状态（离线？）",
                        f"{d.label(True)} has not reported for {_minutes(quiet) or 1} min "
                        "(offline?)", window=d.window, device=d.key)
        elif d.printer in PRINTER_BAD and d.printer_since is not None:
            zh, en = PRINTER_NAMES[d.printer]
            yield Alarm(f"printer:{d.key}", "printer", d.printer_since,
                        f"{d.label()} 打印机{zh}", f"{d.label(True)}: printer {en}",
                        device=d.key)


def evaluate(state: QueueState, devices: Iterable[DeviceHealth],
             idle_since: Mapping[str, datetime], now: datetime) -> dict[str, Alarm]:
    """Every alarm that holds now, by key."""
    policy = state.hall.policy
    found: list[Alarm] = []
    oldest = _oldest(state) if policy.alarm_wait_s or policy.alarm_idle_s else {}
    if policy.alarm_wait_s:
        found += _long_waits(state, oldest, policy.alarm_wait_s, now)
    if policy.alarm_idle_s:
        found += _idle_windows(state, oldest, idle_since, policy.alarm_idle_s, now)
    found += _long_services(state, policy.alarm_service_factor, now)
    found += _devices(devices, policy.alarm_device_silent_s, now)
    return {a.key: a for a in found}


class AlarmBook:
    """The raised alarms, and since when each open window has been idle (a window's idleness
    begins when a check first sees it open with nothing to serve: the checks follow every
    change of the queue)."""

    def __init__(self) -> None:
        self.raised: dict[str, Alarm] = {}
        self.idle_since: dict[str, datetime] = {}

    def _note_idle(self, state: QueueState, now: datetime) -> None:
        for window in state.windows.values():
            if window.status is WindowStatus.OPEN and window.current is None:
                self.idle_since.setdefault(window.id, now)
            else:
                self.idle_since.pop(window.id, None)

    def check(self, state: QueueState, devices: Iterable[DeviceHealth],
              now: datetime) -> tuple[list[Alarm], list[Alarm]]:
        """(raised now, cleared now); the alarms still raised get their message renewed."""
        self._note_idle(state, now)
        found = evaluate(state, devices, self.idle_since, now)
        cleared = [a for k, a in self.raised.items() if k not in found]
        raised = [replace(a, raised_at=now) for k, a in found.items() if k not in self.raised]
        self.raised = {k: replace(a, raised_at=self.raised[k].raised_at) if k in self.raised
                       else replace(a, raised_at=now) for k, a in found.items()}
        return raised, cleared

    def current(self) -> list[Alarm]:
        """The raised alarms, the oldest condition first."""
        return sorted(self.raised.values(), key=lambda a: (a.since, a.key))
