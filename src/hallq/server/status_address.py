"""The address printed in every ticket's QR code (``[hall] status_url``) must be one a citizen's
phone can open. ``127.0.0.1`` (the example config's) is the phone itself: when the server
listens on the hall's LAN, the address it is reached at is used instead; when it listens on
loopback only, the start says so."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address() -> str | None:
    """This machine's address on the LAN: the source address of a route out (a UDP socket is
    connected, nothing is sent), or None without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routed like the LAN, never reached
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if is_loopback(address) or address == "0.0.0.0" else address


def reachable_status_url(url: str, host: str, port: int,
                         find_lan: Callable[[], str | None] = lan_address) -> tuple[str, str]:
    """(the status URL to print, a warning for the log or ""). ``host`` and ``port`` are where
    the server listens."""
    if not url:
        return url, ""
    parts = urlsplit(url)
    if not is_loopback(parts.hostname or ""):
        return url, ""
    wildcard = host in ("0.0.0.0", "::", "")
    lan = find_lan() if wildcard else (None if is_loopback(host) else host)
    if lan is None:
        return url, (f"[hall] status_url {url} points at this computer ({parts.hostname}): a "
                     "phone scanning a ticket's QR code cannot open it. Listen on the hall's "
                     "LAN (--host 0.0.0.0) or write the server's LAN address in status_url.")
    netloc = f"[{lan}]:{port}" if ":" in lan else f"{lan}:{port}"
    fixed = urlunsplit(parts._replace(netloc=netloc))
    return fixed, (f"[hall] status_url {url} points at this computer; the tickets' QR codes "
                   f"use {fixed} (the server's LAN address) instead.")
