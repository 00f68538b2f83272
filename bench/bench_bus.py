"""Bench of the RS-485 bus: event → LED frame latency with 300 windows, codec throughput.

300 windows, each with an LED screen and a caller keypad (polled all the time), on 10 ptys of
30 windows each, hallq codec, gap 20 ms, reply timeout 200 ms. For each ``ticket.called`` fed to
the bridge, the time until the simulated LED on the pty has read the complete frame.
A pty has no baud rate: on a real 9600 baud line add the wire time printed below.
Prints figures only; never asserts on time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from collections.abc import Callable

from bench.figures import figure, percentile
from hallq.contract import HallInfo, StateSnapshot
from hallq.contract import Window as StateWindow
from hallq.hardware.bus.bridge import BusBridge
from hallq.hardware.bus.config import parse_bus_config
from hallq.hardware.bus.framing import load_codec
from hallq.hardware.bus.message import Command, Message
from hallq.hardware.bus.sim_devices import SimDevice, SimKeypad, SimLedScreen
from hallq.hardware.bus.sim_line import PtyLine

WINDOWS, PER_PORT = 300, 30



def latency(windows: int = WINDOWS) -> None:
    codec = load_codec("hallq")
    lines: list[PtyLine] = []
    ports, devices = [], []
    for p in range(windows // PER_PORT):
        sims: list[SimDevice] = []
        for i in range(PER_PORT):
            window = str(p * PER_PORT + i + 1)
            sims += [SimLedScreen(i + 1), SimKeypad(i + 101)]
            devices += [{"kind": "led", "port": f"p{p}", "address": i + 1, "window": window},
                        {"kind": "keypad", "port": f"p{p}", "address": i + 101,
                         "window": window}]
        lines.append(PtyLine(codec, sims))
        ports.append({"name": f"p{p}", "url": lines[-1].url, "codec": "hallq",
                      "gap_ms": 20, "timeout_ms": 200})
    sent: dict[tuple[int, int, bytes], float] = {}
    seen: list[float] = []
    lock, done = threading.Lock(), threading.Condition()

    def hook(port: int) -> Callable[[Message, float], None]:
        def on_frame(message: Message, at: float) -> None:
            if message.command is Command.SHOW_TEXT:
                with lock:
                    start = sent.pop((port, message.address, message.payload), None)
                if start is not None:
                    with done:
                        seen.append(at - start)
                        done.notify_all()
        return on_frame

    for p, line in enumerate(lines):
        line.on_frame = hook(p)
    config = parse_bus_config({"ports": ports, "devices": devices}, "bench")
    bridge = BusBridge(config, lambda action: None)
    bridge.start()
    state = StateSnapshot(  # as GET /api/state answers it: the contract the bridge reads
        hall=HallInfo(name="bench hall"), seq=0, waiting={"biz": 40},
        windows=[StateWindow(id=str(w), name=f"{w}号窗口", kind="field", number=w, status="open",
                             services=["biz"], pause_reason_en=None)
                 for w in range(1, windows + 1)])
    bridge.handle_event({"type": "hello", "seq": 0,  # sets all 600 screens
                         "state": state.model_dump(mode="json")})
    leds = [d for line in lines for d in line.devices.values() if isinstance(d, SimLedScreen)]
    deadline = time.monotonic() + 20
    while any(not d.shown for d in leds) and time.monotonic() < deadline:
        time.sleep(0.05)
    rng = random.Random(7)
    order = [w for _ in range(2) for w in rng.sample(range(1, windows + 1), windows)]
    for n, w in enumerate(order, start=1):
        number = f"A{n:03d}"
        key = ((w - 1) // PER_PORT, (w - 1) % PER_PORT + 1, number.encode())
        with lock:
            sent[key] = time.perf_counter()
        bridge.handle_event({"type": "ticket.called", "ticket": {"number": number},
                             "window": str(w), "window_name": f"{w}号窗口"})
        time.sleep(rng.uniform(0.0, 0.01 * WINDOWS / windows))  # each port as busy as at 300
    with done:
        done.wait_for(lambda: len(seen) >= len(order), timeout=30)
    timeouts = sum(bus.stats["timeouts"] for bus in bridge.buses.values())
    bridge.stop()
    for line in lines:
        line.close()
    ms = [s * 1000 for s in seen]
    print(f"event → LED frame on pty, {windows} windows (LED + polled keypad each) on "
          f"{len(lines)} ptys, gap 20 ms, {len(ms)} of {len(order)} calls seen, "
          f"{timeouts} reply timeouts:")
    print(f"  p50 {statistics.median(ms):.1f} ms  p99 {percentile(ms, 0.99):.1f} ms  "
          f"max {max(ms):.1f} ms  (goal p99 ≤ 50 ms)")
    figure(f"ticket.called → LED frame written p50 ({windows} windows, pty)",
           f"{statistics.median(ms):.1f} ms")
    figure(f"ticket.called → LED frame written p99 ({windows} windows, pty)",
           f"{percentile(ms, 0.99):.1f} ms", "≤ 50 ms")
    frame = codec.encode(Message(1, Command.SHOW_TEXT, b"A001"))
    print(f"  wire time of that {len(frame)}-byte frame at 9600 baud: "
          f"{len(frame) * 10 / 9600 * 1000:.1f} ms (not in the pty figures)")


def throughput(count: int = 20000) -> None:
    for name in ("hallq", "vendor_aa55_sum", "vendor_fe_xor"):
        codec = load_codec(name)
        text = "请A001号到3号窗口  请B002号到4号窗口"
        message = Message(3, Command.SCROLL_TEXT, text.encode("gbk"))
        start = time.perf_counter()
        frames = [codec.encode(message) for _ in range(count)]
        encode_s = time.perf_counter() - start
        stream = b"".join(frames)
        decoder = codec.decoder()
        start = time.perf_counter()
        decoded = sum(len(decoder.feed(stream[i:i + 64])) for i in range(0, len(stream), 64))
        decode_s = time.perf_counter() - start
        figure(f"codec {name} decode", f"{decoded / decode_s:,.0f} frames/s")
        print(f"{name}: encode {count / encode_s:,.0f} frames/s, decode {decoded / decode_s:,.0f}"
              f" frames/s ({len(stream) / decode_s / 1e6:.1f} MB/s, {len(frames[0])}-byte frames)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="30 windows on one pty (a smoke test)")
    quick = parser.parse_args().quick
    latency(PER_PORT if quick else WINDOWS)
    throughput(2000 if quick else 20000)


if __name__ == "__main__":
    main()
