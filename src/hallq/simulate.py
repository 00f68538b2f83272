"""``hallq simulate``: a believable day of the hall, at high speed, through the real API.

Citizens arrive by the hour (a morning and an afternoon peak), clerks log in and call, some
citizens do not come (skip), some are sent to another service (transfer), clerks take breaks
with a reason, and most citizens rate, a few badly. Used by ``hallq demo --simulate``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

from hallq.common import paths

HELP = "run a believable day of the hall at high speed against a running server"
SCALE_HELP = ("how many times faster than real time the hall runs (60: one hall minute per "
              "real second, a 9-hour day in 9 minutes; 1: real time)")
TICK_S = 0.05  # real seconds between two looks at the hall
# arrivals per hour, by the hall's hour of day
ARRIVALS = {8: 40, 9: 90, 10: 100, 11: 70, 12: 15, 13: 30, 14: 80, 15: 85, 16: 60, 17: 20}
SCORES = (5,) * 62 + (4,) * 24 + (3,) * 8 + (2,) * 4 + (1,) * 2


@dataclass
class Desk:
    window: str
    services: list[str]
    ticket: dict[str, Any] | None = None
    free_at: float = 0.0  # hall minutes
    recalls: int = 0
    no_show: bool = False
    paused_until: float | None = None


@dataclass
class Day:
    api: httpx.Client
    kiosk: httpx.Client
    rng: random.Random
    services: list[dict[str, Any]]
    desks: list[Desk] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def post(self, path: str, body: dict[str, Any] | None = None, kiosk: bool = False) -> Any:
        response = (self.kiosk if kiosk else self.api).post(path, json=body or {})
        key = path.rsplit("/", 1)[-1]
        self.counts[key] = self.counts.get(key, 0) + 1
        return response.json() if response.status_code < 400 else None

    def arrive(self, hour: int, minutes: float) -> None:
        expected = ARRIVALS.get(hour, 0) * minutes / 60
        for _ in range(int(expected) + (self.rng.random() < expected % 1)):
            service = self.rng.choice(self.services)
            self.post("/api/tickets", {"service": service["code"],
                                       "priority": self.rng.random() < 0.06}, kiosk=True)

    def work(self, desk: Desk, now: float) -> None:
        if desk.paused_until is not None:
            if now >= desk.paused_until:
                self.post(f"/api/windows/{desk.window}/resume")
                desk.paused_until = None
            return
        if now < desk.free_at:
            return
        if desk.ticket is None:
            if self.rng.random() < 0.004:
                reason = self.rng.choice(["临时离开", "会议", "业务培训"])
                if self.post(f"/api/windows/{desk.window}/pause", {"reason": reason}):
                    desk.paused_until = now + self.rng.uniform(5, 20)
                return
            answer = self.post(f"/api/windows/{desk.window}/next")
            desk.ticket = answer and answer["ticket"]
            desk.recalls, desk.no_show = 0, self.rng.random() < 0.05
            desk.free_at = now + (1.0 if desk.no_show else self.rng.lognormvariate(1.8, 0.45))
            return
        if desk.no_show:
            if desk.recalls < 2:
                self.post(f"/api/windows/{desk.window}/recall")
                desk.recalls, desk.free_at = desk.recalls + 1, now + 1.0
                return
            self.post(f"/api/windows/{desk.window}/skip")
        elif self.rng.random() < 0.03:
            others = [s["code"] for s in self.services if s["code"] != desk.ticket["service"]]
            self.post(f"/api/windows/{desk.window}/transfer", {"service": self.rng.choice(others)})
        else:
            done = self.post(f"/api/windows/{desk.window}/finish")
            if done and self.rng.random() < 0.75:
                self.rate(done["ticket"]["id"])
        desk.ticket, desk.free_at = None, now + self.rng.uniform(0.2, 1.0)

    def rate(self, ticket_id: int) -> None:
        score = self.rng.choice(SCORES)
        body: dict[str, Any] = {"score": score}
        if score <= 2:
            body["reasons"] = [self.rng.choice(["等候时间长", "办事效率低", "一次性告知不清"])]
            body["comment"] = self.rng.choice(["材料要求说得不清楚", "等了很久", ""])
        self.post(f"/api/tickets/{ticket_id}/rating", body)


def hall_minutes(real_seconds: float, scale: float) -> float:
    """Hall minutes gone by after ``real_seconds`` at ``scale`` times real time."""
    return real_seconds * scale / 60


def simulate(server: str, admin_token: str, kiosk_token: str, scale: float, hours: float,
             clerks: list[tuple[str, str, str]], seed: int = 7, start_hour: float = 8.5, *,
             clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], None] = time.sleep) -> dict[str, int]:
    """Runs ``hours`` of hall time at ``scale`` times real time (``hours * 3600 / scale`` real
    seconds); returns call counts."""
    if not scale > 0:
        raise ValueError(f"scale must be greater than 0, not {scale}")
    import httpx

    headers = {"Authorization": f"Bearer {admin_token}"}
    with httpx.Client(base_url=server, headers=headers, timeout=10) as api, httpx.Client(
            base_url=server, headers={"Authorization": f"Bearer {kiosk_token}"},
            timeout=10) as kiosk:
        services = api.get("/api/services").raise_for_status().json()
        windows = {w["id"]: w for w in api.get("/api/state").raise_for_status().json()["windows"]}
        day = Day(api, kiosk, random.Random(seed), services)
        for window, clerk, pin in clerks:
            if window in windows and day.post(f"/api/windows/{window}/login",
                                              {"clerk": clerk, "pin": pin}):
                day.desks.append(Desk(window, windows[window]["services"]))
        begin, last = clock(), 0.0
        while (elapsed := hall_minutes(clock() - begin, scale)) < hours * 60:
            hall_hour = int(start_hour + elapsed / 60)
            day.arrive(hall_hour, elapsed - last)
            for desk in day.desks:
                day.work(desk, elapsed)
            last = elapsed
            sleep(TICK_S)
        return day.counts


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", default="http://127.0.0.1:8080")
    parser.add_argument("--token", required=True, help="an admin token")
    parser.add_argument("--kiosk-token", default="demo-kiosk-token-1")
    parser.add_argument("--scale", type=speed, default=60, metavar="X", help=SCALE_HELP)
    parser.add_argument("--hours", type=float, default=9, help="hall hours to simulate")
    paths.add_config(parser, help="for [demo] clerks")
    parser.add_argument("--seed", type=int, default=7)


def speed(text: str) -> float:
    """``--scale``: a number greater than 0 (0 would never end the day)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 100_000:
        raise argparse.ArgumentTypeError(f"must be greater than 0 and at most 100000: {text}")
    return value


def run(args: argparse.Namespace) -> int:
    from hallq.client.app_options import app_section

    clerks = [tuple(c) for c in app_section(args.config, "demo").get("clerks", [])]
    counts = simulate(args.server, args.token, args.kiosk_token, args.scale, args.hours,
                      clerks, args.seed)
    print("simulated:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0
