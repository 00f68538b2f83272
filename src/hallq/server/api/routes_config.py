"""The live configuration (``/api/config``) and the audit log (``/api/audit``): admin only.

Changes are awaited on the hall's writer thread like every command; they are checked by the
TOML loader's rules and take effect at once (``service/live_config.py``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from hallq import contract
from hallq.server.api.auth import Caller, authenticate
from hallq.server.api.errors import BODY_ERRORS, ERRORS
from hallq.server.api.models import IsoDay
from hallq.server.api.routes_tickets import Hall
from hallq.server.domain.errors import Invalid, NotFound
from hallq.server.service.config_import import import_text
from hallq.server.service.live_config import LiveConfig
from hallq.server.service.views import iso

router = APIRouter(prefix="/api", tags=["configuration"], responses=ERRORS)
LISTS = ("services", "windows", "clerks", "devices")
ItemId = Annotated[str, Path(min_length=1, max_length=40)]
Section = Annotated[dict[str, Any], Body(description="the TOML keys of the section, as JSON "
                                         "(docs/config.md), and the version you read")]


async def admin(caller: Annotated[Caller, Depends(authenticate)]) -> str:
    """Who changes the configuration: the admin token's id (for the audit log)."""
    caller.require(caller.kind == "admin", "read or change the configuration")
    return caller.id


async def live_config(request: Request) -> LiveConfig:
    live: LiveConfig = request.app.state.live
    return live


Admin = Annotated[str, Depends(admin)]
Live = Annotated[LiveConfig, Depends(live_config)]


def _kind(kind: str) -> str:
    if kind not in LISTS:
        raise NotFound(f"kind: no {kind!r} in the configuration; known: {', '.join(LISTS)}",
                       field="kind")
    return kind


@router.get("/config", response_model=contract.LiveConfig)
async def get_config(_who: Admin, live: Live) -> contract.LiveConfig:
    """The live configuration with the TOML's keys and each item's version; no PIN or token
    hashes."""
    return await run_in_threadpool(live.view)


@router.put("/config/{kind}/{item_id}", response_model=contract.ConfigItem,
            responses=BODY_ERRORS)
async def put_item(kind: str, item_id: ItemId, body: Section, who: Admin, live: Live,
                   hs: Hall) -> contract.ConfigItem:
    """Create or replace a service, window, clerk or device. A clerk's `pin` is hashed; a new
    device's token is in this answer only (`token`)."""
    return await hs.submit(live.put, _kind(kind), item_id, body, who)


@router.delete("/config/{kind}/{item_id}", response_model=contract.Removed)
async def delete_item(kind: str, item_id: ItemId, who: Admin, live: Live, hs: Hall,
                      version: Annotated[int | None, Query(ge=0, le=2**31)] = None
                      ) -> contract.Removed:
    """Remove one; 409 while it is in use (tickets waiting, a clerk logged in). Removing a
    device revokes its token at once."""
    await hs.submit(live.delete, _kind(kind), item_id, version, who)
    return contract.Removed(removed=f"{kind}/{item_id}")


@router.patch("/config/{section}", response_model=contract.ConfigItem, responses=BODY_ERRORS)
async def patch_section(section: str, body: Section, who: Admin, live: Live,
                        hs: Hall) -> contract.ConfigItem:
    """Change keys of `[hall]` (name, notice, hours, …) or `[policy]`; a key given as null
    goes back to its default."""
    if section not in ("hall", "policy"):
        raise NotFound(f"section: {section!r} is not hall or policy", field="section")
    return await hs.submit(live.patch, section, body, who)


@router.post("/config/import", response_model=contract.ImportAnswer, responses=BODY_ERRORS)
async def import_config(who: Admin, live: Live, hs: Hall,
                        toml: Annotated[str, Body(embed=True, max_length=2_000_000)],
                        dry_run: Annotated[bool, Body(embed=True)] = False
                        ) -> contract.ImportAnswer:
    """A whole hall config file (TOML text): its differences, applied unless `dry_run`. A
    file with any error is refused as a whole."""
    changes = await hs.submit(import_text, live, toml, who, dry_run)
    return contract.ImportAnswer(changes=[c.line() for c in changes],
                                 applied=bool(changes) and not dry_run)


@router.get("/audit", response_model=list[contract.AuditEntry])
async def audit(_who: Admin, live: Live, hs: Hall,
                start: Annotated[IsoDay | None, Query(alias="from")] = None,
                end: Annotated[IsoDay | None, Query(alias="to")] = None
                ) -> list[contract.AuditEntry]:
    """Every change of the configuration and every log-in, from `from` to `to` (days,
    inclusive; default today)."""
    first, last = start or hs.day(), end or start or hs.day()
    if last < first:
        raise Invalid("to: is before from", field="to")
    since = datetime.combine(first, time(0), hs.tz)
    until = datetime.combine(last + timedelta(days=1), time(0), hs.tz)
    lines = await run_in_threadpool(live.audit, since, until)
    return [contract.AuditEntry(at=iso(line["at"], hs.tz) or "", who=line["who"],
                                action=line["action"], target=line["target"],
                                before=line["before"], after=line["after"]) for line in lines]
