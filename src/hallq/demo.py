"""``hallq demo``: the whole hall on one machine, in one command.

Starts the queue server on a fresh SQLite file with the example hall, the kiosk (tickets are
previewed as PNG files), a caller pad and a rating pad for each chosen window, the TV display and,
with ``--simulate``, a believable day at high speed. Without a screen the apps run on a virtual
one (Xvfb). ``--screenshots DIR`` runs a scripted day offscreen and saves a PNG of every screen.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
import time
from pathlib import Path

from hallq.apps import BRIDGE, CONSOLE_PASSWORD, CONSOLE_USER, DISPLAY, KIOSK, WINDOWS
from hallq.common import paths
from hallq.simulate import SCALE_HELP, speed

HELP = "run the whole hall on this machine: server, kiosk, window pads, TV display"
PORT = 8080


def configure(parser: argparse.ArgumentParser) -> None:
    paths.add_config(parser)
    parser.add_argument("--windows", default="3", help="windows that get a caller and a rating "
                        "pad, comma separated (default 3)")
    parser.add_argument("--simulate", action="store_true",
                        help="also run a believable day of the hall at high speed")
    parser.add_argument("--scale", type=speed, default=60, metavar="X",
                        help=f"with --simulate: {SCALE_HELP}")
    parser.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                        help="run a scripted day offscreen and save a PNG of every screen")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--var", type=Path, default=Path("var/demo"),
                        help="where the demo keeps its database, logs and ticket previews")
    parser.add_argument("--no-voice", action="store_true")


def run(args: argparse.Namespace) -> int:
    if args.screenshots:
        from hallq.screenshots import take_all

        return take_all(args.screenshots, args.config)
    from hallq.client.app_options import app_section
    from hallq.processes import ChildFailed, Processes, virtual_display, wait_healthy

    var: Path = args.var
    db = var / "hall.db"
    for old in var.glob("hall.db*"):
        old.unlink()
    from hallq.server.cli_users import add_account

    add_account(f"sqlite:///{db}", CONSOLE_USER, "admin", CONSOLE_PASSWORD)
    admin = secrets.token_urlsafe(16)
    url = f"http://127.0.0.1:{args.port}"
    procs = Processes(var / "logs")
    env = {"HALLQ_ADMIN_TOKEN": admin, "HALLQ_SERVER": url, paths.CONFIG_ENV: args.config,
           paths.DATA_ENV: str(var / "data")}
    try:
        display = virtual_display(procs)
        if display:
            env["DISPLAY"] = display
            print(f"hallq demo: no screen here; the apps run on the virtual screen {display}.\n"
                  "  Try `hallq demo --screenshots DIR` to see them as pictures.")
        server_args = ["server", "--config", args.config, "--db", f"sqlite:///{db}", "--port",
                       str(args.port), "--open-all-hours"]
        if args.simulate:
            server_args += ["--time-scale", str(args.scale), "--start", "08:30"]
        procs.hallq("server", *server_args, env=env)
        wait_healthy(url, processes=procs)
        voice = ["--no-voice"] if args.no_voice else []
        if not args.no_voice:
            _build_voice(args.config, var / "data")
        procs.hallq("display", "display", "--token", DISPLAY, "--windowed", *voice, env=env)
        procs.hallq("kiosk", "kiosk", "--token", KIOSK, "--windowed", "--printer",
                    f"preview:{var / 'tickets'}", env=env)
        procs.hallq("bus-sim", "bus-sim", "--tcp", "4001", "--windows", "1,2,3", env=env)
        procs.hallq("bridge", "bridge", "--bus", str(paths.example("bus-demo.toml")), "--server",
                    url, "--token", BRIDGE, "--config", args.config, env=env)
        for window in [w.strip() for w in args.windows.split(",") if w.strip()]:
            procs.hallq(f"caller-{window}", "caller", "--window", window, "--token", WINDOWS,
                        "--windowed", env=env)
            procs.hallq(f"rate-{window}", "rate", "--window", window, "--token", WINDOWS,
                        "--windowed", env=env)
        print(f"hallq demo: server {url} (API docs {url}/docs), admin token {admin}\n"
              f"  manager's console {url}/console: user {CONSOLE_USER}, password "
              f"{CONSOLE_PASSWORD}\n"
              f"  ticket previews in {var / 'tickets'}, logs in {var / 'logs'}; Ctrl-C ends.\n"
              "  Clerks log in on a caller pad with a demo id and PIN, e.g. c03 / 3456 "
              f"(all in {args.config}).")
        if args.simulate:
            clerks = [tuple(c) for c in app_section(args.config, "demo").get("clerks", [])]
            threading.Thread(target=_simulate_until_stopped, daemon=True, args=(
                url, admin, args.scale, clerks)).start()
        while not procs.failed():
            time.sleep(0.5)
        print("hallq demo: stopped because a part ended:", "; ".join(procs.failed()),
              file=sys.stderr)
        return 1
    except ChildFailed as exc:
        print(f"hallq demo: a part could not start: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        procs.stop()


def _build_voice(config: str, data: Path) -> None:
    """The hall's names as clips (``hallq voice build``) where espeak-ng is installed; without
    it the display reads such windows by their numbers."""
    from hallq.display.voice.build import BuildError, build
    from hallq.display.voice.names import hall_names

    try:
        build(hall_names(Path(config)).to_render(), data / "voice" / "built")
    except (BuildError, OSError, ValueError) as exc:
        print(f"hallq demo: window and service names are not spoken by name: {exc}",
              file=sys.stderr)


def _simulate_until_stopped(url: str, admin: str, scale: float,
                            clerks: list[tuple[str, str, str]]) -> None:
    """The simulated day ends quietly when the demo stops the server under it."""
    import contextlib

    import httpx

    from hallq.simulate import simulate

    with contextlib.suppress(httpx.TransportError):  # the server stopped: the demo says why
        simulate(url, admin, KIOSK, scale, 9.5, clerks)
