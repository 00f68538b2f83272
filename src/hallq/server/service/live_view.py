"""The live hall as the console shows it: every window and every service, right now.

Read under the hall's lock from the live queue (no SQL): windows with their clerk, the ticket
served and since when, a pause's reason and start; services with the waiting count, the longest
wait of the day so far, the estimated wait and what is left of the daily quota; today's missed
tickets (a supervisor restores them). Times are ISO strings in the hall's time zone; a page
counts the seconds on from them by itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from hallq import contract
from hallq.contract.live import (
    LiveClerk,
    LiveService,
    LiveTicket,
    LiveTotals,
    LiveView,
    LiveWindow,
    MissedTicket,
)
from hallq.server.domain.ticket import Status, Ticket
from hallq.server.service.hall_service import HallService
from hallq.server.service.views import WINDOW_STATUS, iso, pause_reason_names, service_names

MISSED_SHOWN = 30


def live_view(hs: HallService) -> LiveView:
    services = hs.services()  # catches up the day first (a command: never under the lock)
    with hs.lock:
        now, today = hs.clock(), hs.today
        tickets = [t for t in hs.state.tickets.values() if t.day == today]
        by_service: dict[str, list[Ticket]] = {}
        for t in tickets:
            by_service.setdefault(t.service, []).append(t)
        return LiveView(
            at=iso(now, hs.tz), seq=hs.seq,
            windows=[_window(hs, w.id, now) for w in hs.hall.windows],
            services=[_service(s, by_service.get(s.code, []), now, hs) for s in services],
            missed=_missed(hs, tickets),
            pause_reasons=list(hs.hall.pause_reasons),
            pause_reasons_en=[hs.hall.english_reason(r) for r in hs.hall.pause_reasons],
            totals=LiveTotals(
                waiting=sum(s.waiting for s in services),
                issued=sum(s.issued_today for s in services),
                served=sum(1 for t in tickets if t.status is Status.DONE),
                open_windows=sum(1 for w in hs.state.windows.values()
                                 if w.status.value == "open"),
                windows=len(hs.hall.windows)))


def _window(hs: HallService, window_id: str, now: datetime) -> LiveWindow:
    state = hs.state.window(window_id)
    config = hs.hall.window(window_id)
    assert config is not None
    clerk = hs.hall.clerk(state.clerk) if state.clerk else None
    current = hs.state.current_of(window_id)
    return LiveWindow(
        id=config.id, name=config.name, name_en=config.name_en,
        status=WINDOW_STATUS[state.status], **pause_reason_names(state, hs.hall),
        paused_at=iso(state.paused_at, hs.tz) if state.status.value == "paused" else None,
        clerk=LiveClerk(name=clerk.name, job_number=clerk.job_number) if clerk else None,
        services=[s.name for code in config.services if (s := hs.hall.service(code))],
        current=None if current is None else LiveTicket(
            id=current.id, number=current.number, service=current.service,
            **service_names(hs.hall, current.service),
            called_at=iso(current.called_at, hs.tz),
            serving_s=_seconds(current.called_at, now)))


def _service(view: contract.Service, mine: list[Ticket], now: datetime,
             hs: HallService) -> LiveService:
    waiting = [t for t in mine if t.status is Status.WAITING]
    waits = [_seconds(t.issued_at, t.called_at) for t in mine if t.called_at is not None]
    waits += [_seconds(t.issued_at, now) for t in waiting]
    oldest = min((t.issued_at for t in waiting), default=None)
    quota = view.daily_quota
    return LiveService(
        code=view.code, name=view.name, name_en=view.name_en, prefix=view.prefix,
        open=view.open, closed_reason=view.closed_reason, waiting=view.waiting,
        estimated_wait_s=view.estimated_wait_s, longest_wait_s=max(waits, default=0),
        oldest_waiting_since=iso(oldest, hs.tz), issued_today=view.issued_today,
        daily_quota=quota,
        quota_left=None if quota is None else max(0, quota - view.issued_today),
        missed_today=sum(1 for t in mine if t.status is Status.MISSED))


def _missed(hs: HallService, tickets: Iterable[Ticket]) -> list[MissedTicket]:
    missed = sorted((t for t in tickets if t.status is Status.MISSED),
                    key=lambda t: (t.finished_at or t.issued_at, t.id), reverse=True)
    return [MissedTicket(id=t.id, number=t.number, **service_names(hs.hall, t.service),
                         window=t.window, missed_at=iso(t.finished_at, hs.tz))
            for t in missed[:MISSED_SHOWN]]


def _seconds(start: datetime | None, end: datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, round((end - start).total_seconds()))
