"""A small hall for the pure domain tests: three services, windows serving subsets."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hallq.server.domain.hall import Clerk, Hall, Service, Window
from hallq.server.domain.queue import QueueState
from hallq.server.domain.secrets import hash_pin
from hallq.server.domain.ticket import PriorityReason, Ticket

DAY = date(2026, 11, 23)
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, a Monday
SERVICES = (Service("biz", "企业开办", "A"), Service("tax", "税务", "E"),
            Service("social", "社保医保", "C"))
WINDOWS = (Window("1", "1号窗口", ("biz", "tax", "social")), Window("2", "2号窗口", ("biz",)),
           Window("3", "3号窗口", ("tax", "social")))
PIN_HASH = hash_pin("1234", iterations=1000)
CLERKS = (Clerk("c01", "王芳", PIN_HASH, "ZW001", windows=("1", "2")),
          Clerk("c02", "李强", PIN_HASH, "ZW002"))


def hall(weights: dict[str, float] | None = None, clerks: bool = False) -> Hall:
    services = tuple(Service(s.code, s.name, s.prefix, weight=(weights or {}).get(s.code, 1.0))
                     for s in SERVICES)
    return Hall("测试政务服务中心", services, WINDOWS, clerks=CLERKS if clerks else (),
                pause_reasons=("会议", "午休"))


class Issuer:
    """Issues tickets one second apart, with unique tokens."""

    def __init__(self, state: QueueState, day: date = DAY, start: datetime = START) -> None:
        self.state, self.day, self.now, self.n = state, day, start, 0

    def __call__(self, code: str, priority: bool = False) -> Ticket:
        self.n += 1
        self.now += timedelta(seconds=1)
        service = self.state.hall.service(code)
        assert service is not None
        ticket, events = self.state.issue(service, self.day, self.now, f"tok{self.n}",
                                          PriorityReason.GREEN if priority else None)
        assert [e.type for e in events] == ["ticket.issued"]
        return ticket

    def tick(self, seconds: float = 1) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now
