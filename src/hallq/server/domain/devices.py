"""The devices' health as they report it (heartbeats): which app, when last seen, and for a
kiosk its ticket printer's state. Pure values; the service keeps them and the store saves them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from hallq.server.domain.errors import Forbidden, Invalid

APPS = ("kiosk", "display", "caller", "rating", "bridge")
APP_NAMES = {"kiosk": ("取号机", "Kiosk"), "display": ("叫号屏", "TV display"),
             "caller": ("呼叫器", "Caller pad"), "rating": ("评价器", "Rating pad"),
             "bridge": ("串口总线", "Serial bus bridge")}
# what a kiosk says of its printer (hallq.hardware.printer.StatusKind's values)
PRINTER_STATES = ("ok", "paper_low", "paper_out", "cover_open", "offline", "error")
PRINTER_BAD = ("paper_out", "cover_open", "offline", "error")  # no ticket can be printed
PRINTER_NAMES = {"paper_out": ("缺纸", "out of paper"), "cover_open": ("纸仓盖未关", "cover open"),
                 "offline": ("无响应", "not responding"), "error": ("故障", "faulty"),
                 "paper_low": ("纸将用完", "paper low"), "ok": ("正常", "ready")}
# which device kinds may run which app (a window pad's token runs its caller and rating pads)
KIND_APPS = {"kiosk": ("kiosk",), "display": ("display",), "window": ("caller", "rating"),
             "bridge": ("bridge",), "admin": APPS}


@dataclass(frozen=True)
class DeviceHealth:
    """One reporting app: ``key`` names it (device id, app, window, host)."""

    key: str
    device: str
    app: str
    last_seen: datetime
    window: str | None = None
    host: str = ""
    printer: str | None = None
    printer_since: datetime | None = None

    def label(self, english: bool = False) -> str:
        name = APP_NAMES.get(self.app, (self.app, self.app))[1 if english else 0]
        where = ""
        if self.window:
            where = f", window {self.window}" if english else f"·{self.window}号窗口"
        return f"{name} {self.device}{where}" + (f" ({self.host})" if self.host else "")


def device_key(device: str, app: str, window: str | None, host: str) -> str:
    return "/".join(p for p in (device, app, window or "", host) if p)


def heartbeat(known: DeviceHealth | None, device: str, kind: str, app: str,
              window: str | None, host: str, printer: str | None,
              now: datetime) -> DeviceHealth:
    """The device's health after this report; refuses a report its token may not make."""
    if app not in APPS:
        raise Invalid(f"app: one of {', '.join(APPS)}", field="app")
    if app not in KIND_APPS.get(kind, ()):
        raise Forbidden(f"device {device} ({kind}) does not run a {app}", code="wrong_app")
    if printer is not None and app != "kiosk":
        raise Invalid("printer: only a kiosk reports a printer", field="printer")
    if printer is not None and printer not in PRINTER_STATES:
        raise Invalid(f"printer: one of {', '.join(PRINTER_STATES)}", field="printer")
    if window is not None and app not in ("caller", "rating"):
        raise Invalid("window: only a caller or rating pad reports its window", field="window")
    key = device_key(device, app, window, host)
    if known is None:
        known = DeviceHealth(key, device, app, now, window, host)
    since = known.printer_since if printer == known.printer else now if printer else None
    return replace(known, last_seen=now, printer=printer, printer_since=since)
