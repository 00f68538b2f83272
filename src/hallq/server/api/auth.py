"""Who is calling: a device token from the hall config, or HALLQ_ADMIN_TOKEN with every right."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import HTTPException, Request

from hallq.server.domain.hall import Device, Hall
from hallq.server.domain.secrets import token_digest

WINDOW_KINDS = ("window", "bridge")


@dataclass(frozen=True)
class Caller:
    id: str
    kind: str  # kiosk | window | display | bridge | admin
    windows: tuple[str, ...] = ()

    def may_issue(self) -> bool:
        return self.kind in ("kiosk", "admin")

    def may_act_for(self, window_id: str | None) -> bool:
        if self.kind == "admin":
            return True
        if self.kind not in WINDOW_KINDS or window_id is None:
            return False
        # a bridge configured without windows drives every window of the hall
        return window_id in self.windows or (self.kind == "bridge" and not self.windows)

    def require(self, allowed: bool, what: str) -> None:
        if not allowed:
            raise HTTPException(403, f"device {self.id} ({self.kind}) may not {what}")


class Tokens:
    def __init__(self, hall: Hall, admin_token: str | None) -> None:
        self._devices: dict[str, Device] = {}
        self._admin = admin_token or None
        self.update(hall)

    def update(self, hall: Hall) -> None:
        """The hall's devices changed (live configuration): a revoked token stops at once."""
        self._devices = {d.token_sha256: d for d in hall.devices}

    def caller(self, token: str | None) -> Caller | None:
        if not token:
            return None
        # bytes, not str: compare_digest refuses non-ASCII str (a 500 for anyone who sends one)
        if self._admin and hmac.compare_digest(token.encode(), self._admin.encode()):
            return Caller("admin", "admin")
        device = self._devices.get(token_digest(token))
        return Caller(device.id, device.kind, device.windows) if device else None


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


async def authenticate(request: Request) -> Caller:
    """FastAPI dependency: 401 without a known token."""
    tokens: Tokens = request.app.state.tokens
    caller = tokens.caller(bearer(request))
    if caller is None:
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed",
                            headers={"WWW-Authenticate": "Bearer"})
    return caller
