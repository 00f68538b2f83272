"""``hallq demo --screenshots DIR``: a scripted morning of the hall, offscreen, and a picture of
every screen. Each app runs as its own process, read and driven through ``client.probe``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hallq.apps import BRIDGE, CONSOLE_PASSWORD, CONSOLE_USER, DISPLAY, KIOSK, WINDOWS, Hall
from hallq.common import paths
from hallq.processes import ChildFailed

CLERKS = [("1", "c01", "1234"), ("2", "c02", "2345"), ("5", "c05", "5678"),
          ("9", "c08", "8901"), ("11", "c09", "9012")]
ARRIVALS = ["biz", "general", "tax", "tax", "household", "estate", "social", "biz",
            "household", "fund", "exit", "vehicle", "general", "tax"]


def morning(hall: Hall) -> None:
    """Clerks at work, citizens waiting, a break: what the screens should show."""
    for window, clerk, pin in CLERKS:
        hall.call("POST", f"/api/windows/{window}/login", WINDOWS, {"clerk": clerk, "pin": pin})
    for service in ARRIVALS:
        hall.call("POST", "/api/tickets", KIOSK, {"service": service})
    for window in ("1", "2", "9", "11"):
        hall.call("POST", f"/api/windows/{window}/next", WINDOWS)
    hall.call("POST", "/api/windows/5/pause", WINDOWS, {"reason": "午休"})


def kiosk(hall: Hall, tickets: Path) -> None:
    hall.start_app("kiosk", "kiosk", "--token", KIOSK, "--printer", f"preview:{tickets}",
                   "--size", "1920x1080")
    hall.shows("kiosk", "企业开办")
    hall.command("kiosk", "shot kiosk-home.png", "click 企业开办")
    hall.shows("kiosk", "公司章程")
    hall.command("kiosk", "shot kiosk-guide.png", "click 取号")
    hall.shows("kiosk", "A00")
    time.sleep(0.5)
    hall.command("kiosk", "shot kiosk-confirm.png")


def caller_and_rating(hall: Hall) -> None:
    hall.start_app("caller", "caller", "--window", "3", "--token", WINDOWS)
    hall.command("caller", "fill 工号=ZW003", "fill 密码=3456", "click 登录")
    hall.shows("caller", "叫号")
    hall.start_app("rate", "rate", "--window", "3", "--token", WINDOWS)
    hall.command("caller", "click 叫号")
    hall.wait("caller", lambda texts: any(t[:1].isalpha() and t[1:].isdigit() for t in texts),
              what="a called number")
    time.sleep(1.5)
    hall.command("caller", "shot caller.png")
    hall.shows("rate", "张敏")
    hall.command("rate", "shot rating-window.png")
    served = hall.call("GET", "/api/windows/3", WINDOWS)["current"]
    hall.call("POST", "/api/windows/3/finish", WINDOWS)
    hall.shows("rate", "非常满意")
    hall.command("rate", "shot rating-ask.png")
    token = hall.call("GET", f"/api/tickets/{served['id']}")["status_url"].rsplit("/t/", 1)[1]
    phone(f"{hall.url}/t/{token}/rate", hall.probe / "phone" / "rating-mobile.png")


def phone(url: str, picture: Path) -> None:
    """The page a ticket's QR code leads to, as a phone shows it (headless Chromium)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("hallq demo --screenshots: no chromium here, so no picture of the phone page "
              "(scripts/setup.sh installs it)")
        return
    picture.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hallq-chromium-") as profile:
        subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--no-first-run", "--disable-sync",
                        "--disable-background-networking", "--disable-component-update",
                        f"--user-data-dir={profile}", "--window-size=390,844",
                        "--force-device-scale-factor=2", f"--screenshot={picture}", url],
                       capture_output=True, timeout=60, check=True)


# the web console's pages: (path, picture, when it is ready); each console page adds its own
CONSOLE_PAGES = [
    ("/console", "console-live.png", "window.hallqLive && window.hallqLive.seq >= 0"),
    ("/console/reports", "console-reports.png",
     "window.Chart && Object.keys(Chart.instances).length >= 3"),
    ("/console/follow-ups", "console-follow-ups.png", "document.readyState === 'complete'"),
    ("/console/audit", "console-audit.png", "document.readyState === 'complete'"),
    ("/console/config/services/biz", "console-config-service.png",
     "document.readyState === 'complete'"),
    ("/console/config/windows/9", "console-config-window.png",
     "document.readyState === 'complete'"),
    ("/console/config/clerks", "console-config-clerks.png", "document.readyState === 'complete'"),
]


def console(hall: Hall) -> None:
    """The manager's web console in headless Chromium, logged in as the demo's manager."""
    from hallq.browser_shots import console_pictures
    from hallq.server.cli_users import add_account

    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        print("hallq demo --screenshots: no chromium here, so no pictures of the web console "
              "(scripts/setup.sh installs it)")
        return
    add_account(f"sqlite:///{hall.folder / 'hall.db'}", CONSOLE_USER, "admin", CONSOLE_PASSWORD)
    # the morning's mishap: the second kiosk, by the east door, reports its printer out of
    # paper; the live hall shows the alarm until somebody refills it
    hall.call("POST", "/api/devices/heartbeat", KIOSK,
              {"app": "kiosk", "host": "kiosk-east", "printer": "paper_out"})
    console_pictures(hall.url, CONSOLE_USER, CONSOLE_PASSWORD, CONSOLE_PAGES,
                     hall.probe / "console")


def display(hall: Hall) -> None:
    for name, size in (("display-16x9", "1920x1080"), ("display-portrait", "1080x1920")):
        hall.start_app(name, "display", "--token", DISPLAY, "--no-voice", "--size", size)
        hall.shows(name, "暂停服务")
        time.sleep(1)
        hall.command(name, f"shot {name}.png")


def bus(hall: Hall) -> None:
    hall.start_app("bus-sim", "bus-sim", "--tcp", "4001", "--windows", "1,2,3", windowed=False)
    hall.procs.hallq("bridge", "bridge", "--bus", str(paths.example("bus-demo.toml")),
                     "--server", hall.url, "--token", BRIDGE, "--config", hall.config,
                     env=hall.env)
    time.sleep(3)
    hall.command("bus-sim", "shot bus-sim.png")


def take_all(out: Path, config: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="hallq-shots-") as folder:
        hall = Hall(Path(folder), config)
        tickets = Path(folder) / "tickets"
        steps: list[tuple[str, Callable[[], None]]] = [
            ("display", lambda: display(hall)), ("kiosk", lambda: kiosk(hall, tickets)),
            ("caller and rating pads", lambda: caller_and_rating(hall)), ("bus", lambda: bus(hall)),
            ("web console", lambda: console(hall))]
        try:
            try:
                hall.start_server()
            except ChildFailed as exc:
                print(f"hallq demo --screenshots: the server could not start: {exc}",
                      file=sys.stderr)
                return 1
            morning(hall)
            for name, step in steps:
                try:
                    step()
                except (RuntimeError, TimeoutError, OSError,
                        subprocess.SubprocessError) as exc:
                    failed.append(f"{name}: {exc}")
        finally:
            hall.close()
        for picture in sorted(hall.probe.glob("*/*.png")):
            shutil.copy(picture, out / picture.name)
            print(f"saved {out / picture.name}")
        for ticket in sorted(tickets.glob("*.png"))[:1]:
            shutil.copy(ticket, out / "ticket.png")
            print(f"saved {out / 'ticket.png'} (the kiosk's printed ticket, previewed)")
    for problem in failed:
        print(f"hallq demo --screenshots: {problem}")
    return 1 if failed else 0
