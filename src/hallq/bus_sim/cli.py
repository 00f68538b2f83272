"""``hallq bus-sim``: simulated bus devices on screen for the demo. Writes a bus config that
points at them, so ``hallq bridge --bus PATH`` drives them."""

from __future__ import annotations

import argparse
import sys

from hallq.common import paths

HELP = "simulated RS-485 bus devices on screen, for the demo (模拟串口总线设备)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bus-out", metavar="PATH",
                        help="write the bus config for `hallq bridge --bus PATH` here")
    parser.add_argument("--tcp", type=int, metavar="PORT",
                        help="put the devices on 127.0.0.1:PORT instead of a pty; "
                             "config/bus-demo.toml expects --tcp 4001 --windows 1,2,3")
    parser.add_argument("--windows", default="1,2,3",
                        help="window ids with an LED screen, keypad and rating device "
                             "(default: 1,2,3)")
    parser.add_argument("--codec", default="hallq",
                        help="frame codec: hallq, vendor_aa55_sum, vendor_fe_xor")
    parser.add_argument("--language", choices=["zh", "en"], default="zh")
    parser.add_argument("--screen", type=int, default=0, help="which screen to show it on")


def run(args: argparse.Namespace) -> int:
    from hallq.hardware.bus.codec import CodecError
    from hallq.hardware.bus.framing import load_codec

    windows = [w.strip() for w in args.windows.split(",") if w.strip()]
    if not args.bus_out and not args.tcp:
        print("hallq bus-sim: give --bus-out PATH (or --tcp PORT for a fixed bus config)",
              file=sys.stderr)
        return 2
    try:
        load_codec(args.codec)
    except CodecError as e:
        print(f"hallq bus-sim: --codec: {e}", file=sys.stderr)
        return 2

    from hallq.bus_sim.window import BusSimWindow
    from hallq.client.app_run import qt_app, run_until_quit
    from hallq.client.kiosk_window import show_on_screen
    from hallq.hardware.bus.sim_hall import SimHall

    try:
        hall = SimHall(windows, args.codec, tcp_port=args.tcp)
    except ValueError as e:
        print(f"hallq bus-sim: --{e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"hallq bus-sim: cannot open the simulated line: {e}", file=sys.stderr)
        return 2
    bus = args.bus_out or str(paths.example("bus-demo.toml"))
    try:
        if args.bus_out:
            hall.write_bus_config(args.bus_out)
        print(f"hallq bus-sim: {len(windows)} windows on {hall.line.url}; now run\n"
              f"  hallq bridge --bus {bus} --token demo-bridge-token-1", flush=True)
        app = qt_app(themed=False)  # the simulator has its own look
        window = BusSimWindow(hall, bus, args.language)
        hint = window.sizeHint()
        show_on_screen(window, args.screen, fullscreen=False,
                       size=(max(1200, hint.width()), hint.height()))
        run_until_quit(app, [window], window.timer.stop)
    except OSError as e:
        print(f"hallq bus-sim: {args.bus_out}: {e}", file=sys.stderr)
        return 2
    finally:
        hall.close()
    return 0
