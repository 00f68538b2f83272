"""What a change of the configuration may not take away from the running hall: a service with
tickets waiting or being served, a window in use, a clerk logged in; nor may it leave waiting
tickets without a window that calls them."""

from __future__ import annotations

from collections.abc import Sequence

from hallq.server.domain.errors import Conflict
from hallq.server.domain.hall import Hall
from hallq.server.domain.queue import QueueState
from hallq.server.domain.ticket import Status, WindowStatus


def removable(state: QueueState, removed: Sequence[tuple[str, str]]) -> None:
    for kind, item_id in removed:
        if kind == "services":
            _service_unused(state, item_id)
        elif kind == "windows":
            window = state.windows.get(item_id)
            if window is not None and (window.status is not WindowStatus.CLOSED
                                       or window.current is not None):
                raise Conflict(f"window {item_id} is in use ({window.status.value}"
                               f"{', serving a ticket' if window.current else ''}): log its "
                               "clerk out first", code="in_use")
        elif kind == "clerks":
            at = [w.id for w in state.windows.values() if w.clerk == item_id]
            if at:
                raise Conflict(f"clerk {item_id} is logged in at window {', '.join(at)}: log "
                               "out first (or disable the clerk, which logs out)",
                               code="in_use")


def still_served(state: QueueState, old: Hall, new: Hall) -> None:
    for code, count in state.waiting_counts().items():
        if count and new.service(code) is not None and not new.windows_serving(code) \
                and old.windows_serving(code):
            raise Conflict(f"{count} tickets of {code} are waiting and no window would serve "
                           f"{code} any more", code="in_use", field="services")


def _service_unused(state: QueueState, code: str) -> None:
    waiting = len(state.waiting([code]))
    if waiting:
        raise Conflict(f"{waiting} tickets of service {code} are waiting: serve or cancel them "
                       "before removing the service", code="in_use")
    serving = [t.number for t in state.tickets.values()
               if t.service == code and t.status is Status.CALLED]
    if serving:
        raise Conflict(f"service {code} is being served ({', '.join(serving)}): finish first",
                       code="in_use")
