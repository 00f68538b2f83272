"""The live configuration: changes of services, windows, clerks, devices, ``[hall]`` and
``[policy]`` while the hall runs (``/api/config``, the console, ``hallq config import``).

Each change is one command of the unit of work: on the writer thread, under the hall's lock,
the new set of items is turned into a ``Hall`` by the TOML loader's own rules, checked against
the live queue (nothing in use is removed), written with its audit lines in the command's one
transaction, and only once committed swapped in (``UnitOfWork._swap``) and published as
``config.changed``. A change refused at any step leaves the running hall as it was."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from hallq import contract
from hallq.common.tomlreader import ConfigError
from hallq.server.config_export import Difference, differences
from hallq.server.config_items import (
    SINGLE,
    Item,
    build_hall,
    described,
    for_audit,
    message,
    public,
    where,
)
from hallq.server.domain.errors import Conflict, Invalid, NotFound
from hallq.server.domain.events import Event
from hallq.server.domain.hall import Hall
from hallq.server.domain.windows import sign_out_unfit
from hallq.server.service import config_bodies, config_use
from hallq.server.service.hall_service import HallService
from hallq.server.service.work import Work
from hallq.server.storage.config_store import AuditLine, ConfigStore, ConfigWrite


class LiveConfig:
    def __init__(self, hs: HallService, store: ConfigStore, items: Sequence[Item],
                 adjust: Callable[[Hall], Hall] = lambda hall: hall) -> None:
        self.hs, self.store, self.adjust = hs, store, adjust
        self.items: list[Item] = list(items)
        self._pending: list[Item] | None = None
        hs.work.on_hall.insert(0, self._committed)

    def _committed(self, _hall: Hall) -> None:
        if self._pending is not None:
            self.items, self._pending = self._pending, None

    # ---- reading -----------------------------------------------------------------------------
    def view(self) -> contract.LiveConfig:
        with self.hs.lock:
            items = list(self.items)
        single: dict[str, contract.ConfigItem] = {}
        lists: dict[str, list[contract.ConfigItem]] = {
            "services": [], "windows": [], "clerks": [], "devices": []}
        for item in items:
            if item.kind in SINGLE:
                single[item.kind] = contract.ConfigItem(**public(item))
            else:
                lists[item.kind].append(contract.ConfigItem(**public(item)))
        return contract.LiveConfig(hall=single["hall"], policy=single["policy"],
                                   services=lists["services"], windows=lists["windows"],
                                   clerks=lists["clerks"], devices=lists["devices"])

    def find(self, kind: str, item_id: str) -> Item | None:
        return next((i for i in self.items if i.kind == kind and i.id == item_id), None)

    def audit(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        return self.store.audit(start, end)

    # ---- changing ----------------------------------------------------------------------------
    def put(self, kind: str, item_id: str, body: dict[str, Any],
            who: str) -> contract.ConfigItem:
        old = self.find(kind, item_id)
        _check_version(old, config_bodies.version_of(body), f"{kind}/{item_id}")
        stored, token = config_bodies.item_body(kind, item_id, body, old)
        new = Item(kind, item_id, stored, old.version + 1 if old else 1)
        items = ([new if i is old else i for i in self.items] if old else [*self.items, new])
        windows = (config_bodies.served_at(body["windows"], item_id, items)
                   if kind == "services" and "windows" in body else [])
        swap = {id(o): n for o, n in windows}
        items = [swap.get(id(i), i) for i in items]
        self._change(items, [new, *[n for _, n in windows]], [old, *[o for o, _ in windows]],
                     who, "config.put", new)
        answer = public(new)  # the section's TOML keys: free-form, checked by the loader
        if token:
            answer["token"] = token  # a new device's token, in this answer only
        return contract.ConfigItem(**answer)

    def patch(self, kind: str, body: dict[str, Any], who: str) -> contract.ConfigItem:
        old = self.find(kind, "") or Item(kind, "", {}, 0)
        _check_version(old, config_bodies.version_of(body), kind)
        new = Item(kind, "", config_bodies.patched(old, body), old.version + 1)
        items = [new if i is old else i for i in self.items]
        self._change(items if old in self.items else [*items, new], [new], [old], who,
                     "config.patch", new)
        return contract.ConfigItem(**public(new))

    def delete(self, kind: str, item_id: str, version: int | None, who: str) -> None:
        old = self.find(kind, item_id)
        if old is None:
            raise NotFound(f"no {kind[:-1]} {item_id!r} in the configuration", code="not_found")
        _check_version(old, version, old.target)
        items = [i for i in self.items if i is not old]
        windows = []  # a removed service leaves the windows that served it, in the same change
        for w in items:
            services = w.body.get("services")
            if kind == "services" and w.kind == "windows" and isinstance(services, list) \
                    and item_id in services:
                body = {**w.body, "services": [c for c in services if c != item_id]}
                windows.append((w, Item("windows", w.id, body, w.version + 1)))
        swap = {id(o): n for o, n in windows}
        items = [swap.get(id(i), i) for i in items]
        self._change(items, [None, *[n for _, n in windows]], [old, *[o for o, _ in windows]],
                     who, "config.delete", None)

    def replace_all(self, new_items: Sequence[Item], who: str,
                    dry_run: bool = False) -> list[Difference]:
        """An import: the whole configuration becomes ``new_items`` (one transaction)."""
        found = differences(self.items, new_items)
        if dry_run or not found:
            _hall_of(new_items, None)
            return found
        old = {(i.kind, i.id): i for i in self.items}
        items = [_imported(i, old.get((i.kind, i.id))) for i in new_items]
        after = {(i.kind, i.id): i for i in items}
        gone = [o for key, o in old.items() if key not in after]
        changed = [i for i in items if i is not old.get((i.kind, i.id))]
        self._change(items, [*changed, *[None] * len(gone)],
                     [*[old.get((i.kind, i.id)) for i in changed], *gone], who,
                     "config.import", None)
        return found

    def _change(self, items: list[Item], news: Sequence[Item | None],
                olds: Sequence[Item | None], who: str, action: str,
                subject: Item | None) -> None:
        removed = [(o.kind, o.id) for o, n in zip(olds, news, strict=True)
                   if o is not None and n is None]
        based_on = {(o.kind, o.id): o.version for o in olds if o is not None}
        based_on.update({(n.kind, n.id): 0 for n, o in zip(news, olds, strict=True)
                         if n is not None and o is None})
        target = "config" if action == "config.import" else \
            next(x.target for x in [*news, *olds] if x is not None)

        def command(work: Work) -> tuple[None, list[Event]]:
            config_use.removable(work.state, removed)
            hall = self.adjust(_hall_of(items, subject))
            config_use.still_served(work.state, self.hs.hall, hall)
            lines = [AuditLine(work.now, who, action, (n or o).target,  # type: ignore[union-attr]
                               for_audit(o), _after(o, n)) for n, o in zip(news, olds, strict=True)]
            work.config = ConfigWrite(items, removed, based_on, lines)
            work.hall, self._pending = hall, items
            events = sign_out_unfit(work.state, hall, work.now)
            changed = {"target": target, "action": action.removeprefix("config."),
                       "version": news[0].version if news and news[0] else None}
            return None, [*events, Event("config.changed", data=changed)]
        try:
            self.hs.work.run(command)
        finally:
            self._pending = None


def _imported(item: Item, old: Item | None) -> Item:
    """An imported item: the stored one when unchanged, else the next version (1 when new)."""
    if old is None:
        return Item(item.kind, item.id, item.body, 1)
    return old if old.body == item.body else Item(item.kind, item.id, item.body, old.version + 1)


def _hall_of(items: Sequence[Item], subject: Item | None) -> Hall:
    """The hall by the loader's rules; a fault in the changed item itself is a 422 naming its
    key, a fault it causes elsewhere (a window left without services …) a 409 naming that."""
    try:
        return build_hall(items)
    except ConfigError as error:
        item, key = where(items, error)
        if subject is not None and item is not None and key and \
                (item.kind, item.id) == (subject.kind, subject.id):
            raise Invalid(f"{key}: {message(error)}", field=_field(key)) from None
        raise Conflict(f"the hall would break: {described(items, error)}", code="breaks_hall",
                       field=_field(key) or None) from None


def _field(key: str) -> str:
    """The body's field a key names: ``services`` for ``services #2`` or ``services[1]``."""
    return key.split("[")[0].split(" #")[0]


def _check_version(old: Item | None, version: int | None, target: str) -> None:
    current = old.version if old else 0
    if version is not None and version != current:
        raise Conflict(f"{target} was changed meanwhile (version {current}, yours {version}): "
                       "read it again and repeat your change", code="version_conflict",
                       field="version")


def _after(old: Item | None, new: Item | None) -> dict[str, Any] | None:
    after = for_audit(new)
    if after is not None and old is not None:
        changed = sorted(k for k in ("pin_hash", "token_sha256", "guide_pin_hash")
                         if old.body.get(k) != new.body.get(k))  # type: ignore[union-attr]
        if changed:
            after["secrets_changed"] = changed
    return after
