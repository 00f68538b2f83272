"""Watching the hall for alarms: after every committed change and on a timer tick, the domain's
:class:`AlarmBook` says what was raised or cleared, published as ``alarm.raised`` and
``alarm.cleared`` events. Also the devices' heartbeats, which some alarms are about.

Every method that changes something runs on the unit of work's writer thread, under its lock,
so alarm events take their place in the event stream's order like any other."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import cast

from hallq import contract
from hallq.contract.alarms import AlarmKind, App
from hallq.server.domain.alarms import Alarm, AlarmBook
from hallq.server.domain.devices import DeviceHealth, device_key, heartbeat
from hallq.server.domain.errors import NotFound
from hallq.server.domain.events import Event
from hallq.server.service.unit_of_work import UnitOfWork
from hallq.server.service.views import iso
from hallq.server.storage.alarm_store import DeviceStore

log = logging.getLogger("hallq.server")
SAVE_EVERY = timedelta(minutes=10)  # a device's last-seen is saved at least this often
Publish = Callable[[Event, datetime], None]


class AlarmWatch:
    def __init__(self, uow: UnitOfWork, store: DeviceStore, publish: Publish) -> None:
        self.uow, self.store, self.publish = uow, store, publish
        self.book = AlarmBook()
        start = uow.clock()
        # after a restart every known device has its full grace to report again
        self.devices = {d.key: replace(d, last_seen=max(d.last_seen, start))
                        for d in store.load()}
        self._saved: dict[str, datetime] = {k: start for k in self.devices}

    # ---- checking (on the writer thread, under the lock) ----------------------------------
    def check(self, now: datetime) -> None:
        """Publish what is raised or cleared now. Runs after a committed command: a fault
        here is logged, never turned into a failure of the command."""
        try:
            raised, cleared = self.book.check(self.uow.state, self.devices.values(), now)
        except Exception:
            log.exception("checking the alarms failed")
            return
        for alarm in raised:
            self.publish(Event("alarm.raised", window=alarm.window,
                               data={"alarm": self.view(alarm, now).model_dump(mode="json")}),
                         now)
        for alarm in cleared:
            self.publish(Event("alarm.cleared", window=alarm.window,
                               data={"alarm": self.view(alarm, now).model_dump(mode="json")}),
                         now)

    def tick(self) -> None:
        """The timer's check: alarms that time alone raises (a wait grows, a device is quiet)."""
        def run() -> None:
            with self.uow.lock:
                self.check(self.uow.clock())
        self.uow.on_writer(run)

    # ---- heartbeats ------------------------------------------------------------------------
    def heartbeat(self, device: str, kind: str, app: str, window: str | None, host: str,
                  printer: str | None) -> contract.HeartbeatAnswer:
        def run() -> contract.HeartbeatAnswer:
            with self.uow.lock:
                now = self.uow.clock()
                known = self.devices.get(device_key(device, app, window, host))
                health = heartbeat(known, device, kind, app, window, host, printer, now)
                self.devices[health.key] = health
                if (known is None or known.printer != health.printer
                        or now - self._saved.get(health.key, now) >= SAVE_EVERY):
                    self.store.save(health)
                    self._saved[health.key] = now
                self.check(now)
                return contract.HeartbeatAnswer(device=self.device_view(health, now),
                                                next_in_s=self.every_s())
        return self.uow.on_writer(run)

    def every_s(self) -> int:
        """How often the apps report: three times within the silence that raises an alarm."""
        silent = self.uow.hall.policy.alarm_device_silent_s
        return max(5, silent // 3) if silent else 60

    def forget(self, key: str) -> None:
        """A device taken out of the hall: no longer expected to report."""
        def run() -> None:
            with self.uow.lock:
                known = self.devices.pop(key, None) is not None
                if not self.store.forget(key) and not known:
                    raise NotFound(f"no device {key!r} has reported")
                self._saved.pop(key, None)
                self.check(self.uow.clock())
        self.uow.on_writer(run)

    # ---- reading ---------------------------------------------------------------------------
    def alarms(self) -> list[contract.Alarm]:
        with self.uow.lock:
            now = self.uow.clock()
            return [self.view(a, now) for a in self.book.current()]

    def device_list(self) -> list[contract.Device]:
        with self.uow.lock:
            now = self.uow.clock()
            return [self.device_view(d, now) for d in sorted(self.devices.values(),
                                                             key=lambda d: d.key)]

    def view(self, a: Alarm, now: datetime) -> contract.Alarm:
        tz = self.uow.tz
        return contract.Alarm(
            key=a.key, kind=cast(AlarmKind, a.kind), since=iso(a.since, tz),
            raised_at=iso(a.raised_at, tz),
            minutes=max(0, int((now - a.since).total_seconds() // 60)),
            message=a.message, message_en=a.message_en, window=a.window,
            service=a.service, device=a.device, ticket=a.ticket)

    def device_view(self, d: DeviceHealth, now: datetime) -> contract.Device:
        silent_s = self.uow.hall.policy.alarm_device_silent_s
        return contract.Device(
            key=d.key, device=d.device, app=cast(App, d.app), window=d.window,
            host=d.host, last_seen=iso(d.last_seen, self.uow.tz), printer=d.printer,
            silent=bool(silent_s) and (now - d.last_seen).total_seconds() > silent_s)
