"""Bus timing settings and the health record of one device: online, misses, next poll."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BusTiming:
    gap_ms: float = 20.0  # silence between exchanges (turnaround of RS-485 transceivers)
    timeout_ms: float = 200.0  # how long to wait for a reply
    poll_ms: float = 0.0  # pause between two polls of one input device (0: every round)
    health_ms: float = 2000.0  # how often an output-only device is polled to check it is there
    offline_after: int = 2  # missed replies in a row before a device is reported offline
    backoff_min_ms: float = 500.0  # first re-probe delay of an offline device, then doubled ...
    backoff_max_ms: float = 10000.0  # ... up to this
    reopen_ms: float = 1000.0  # how often a lost port is reopened


@dataclass
class DeviceHealth:
    address: int
    polled: bool  # an input device (keypad, rating device): polled every round
    online: bool | None = None  # None: not heard from yet
    misses: int = 0
    backoff: float = 0.0  # seconds
    next_poll: float = 0.0  # time.monotonic() when it should be polled next

    def answered(self, now: float, timing: BusTiming) -> bool:
        """Record a reply; True when this is news (first reply, or back from offline)."""
        news = self.online is not True
        self.online, self.misses, self.backoff = True, 0, 0.0
        pause = timing.poll_ms if self.polled else timing.health_ms
        self.next_poll = now + pause / 1000
        return news

    def missed(self, now: float, timing: BusTiming) -> bool:
        """Record a missing reply; True when the device has just gone offline."""
        self.misses += 1
        if self.misses < timing.offline_after:
            self.next_poll = now  # try again at once
            return False
        news = self.online is not False
        if news:
            self.online, self.backoff = False, timing.backoff_min_ms / 1000
        else:
            self.backoff = min(self.backoff * 2, timing.backoff_max_ms / 1000)
        self.next_poll = now + self.backoff
        return news

    def lost(self) -> bool:
        """The port is gone: offline now, probed as soon as the port is back."""
        news = self.online is not False
        self.online, self.misses, self.next_poll = False, 0, 0.0
        self.backoff = 0.0
        return news
