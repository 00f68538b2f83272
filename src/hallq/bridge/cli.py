"""``hallq bridge``: the serial bus bridge, a headless process between the queue server and
the hall's bus devices (LED window screens, the hall strip, keypads, rating devices)."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys

from hallq.common import paths

HELP = "drive the RS-485 bus devices from the queue server (串口总线桥接)"
TOKEN_ENV = "HALLQ_BRIDGE_TOKEN"


def configure(parser: argparse.ArgumentParser) -> None:
    from hallq.client.app_options import DEFAULT_SERVER

    parser.add_argument("--bus", default=str(paths.example("bus.toml")), metavar="TOML",
                        help="bus config: ports and devices (default: the shipped example)")
    parser.add_argument("--server", default=os.environ.get("HALLQ_SERVER", DEFAULT_SERVER),
                        help=f"queue server URL (default {DEFAULT_SERVER}, or $HALLQ_SERVER)")
    parser.add_argument("--token", default=None,
                        help=f"the bridge's token (default ${TOKEN_ENV}, or $HALLQ_TOKEN)")
    paths.add_config(parser, help="hall config: windows, services, pause reasons")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every bus exchange")
    parser.set_defaults(_token_env=TOKEN_ENV)


def run(args: argparse.Namespace) -> int:
    import logging

    from hallq.bridge.settings import BridgeSetupError, load_settings
    from hallq.client.app_options import token
    from hallq.common import logfiles

    logfiles.setup("bridge", logging.DEBUG if args.verbose else logging.INFO,
                   "%(asctime)s %(levelname)s %(message)s")
    if not args.verbose:  # the bus's own device reports repeat ours, without kind and window
        logging.getLogger("hallq.hardware.bus").setLevel(logging.WARNING)
    try:
        settings = load_settings(args.bus, args.config)
    except BridgeSetupError as e:
        print(f"hallq bridge: {e}", file=sys.stderr)
        return 2
    secret = token(args)

    from PySide6.QtCore import QCoreApplication, QTimer

    from hallq.bridge.runtime import BridgeRuntime
    from hallq.client.connection import HallClient, Reply

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    client = HallClient(args.server, secret, app="bridge")
    runtime = BridgeRuntime(settings, client)
    status = {"code": 0}

    def stop(code: int = 0) -> None:
        status["code"] = code
        app.quit()

    def token_checked(reply: Reply) -> None:
        if reply.status in (401, 403):
            print(f"hallq bridge: {args.server} refused the token: {reply.message}",
                  file=sys.stderr)
            stop(2)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop())
    wake = QTimer(app)  # lets Python see Ctrl-C / SIGTERM while Qt waits
    wake.timeout.connect(lambda: None)
    wake.start(200)
    runtime.start()
    client.get("/api/state", token_checked)
    logging.getLogger("hallq.bridge").info(
        "bridge for %d devices on %d ports, server %s", len(settings.bus.devices),
        len(settings.bus.ports), args.server)
    app.exec()
    runtime.stop()
    app.processEvents()  # what the bus threads queued before they stopped
    runtime.deleteLater()
    client.deleteLater()
    app.processEvents()
    del runtime, client
    gc.collect()  # now, not in the interpreter's finalization (PySide6 crashes there)
    logging.getLogger("hallq.bridge").info("bridge stopped")
    return status["code"]
