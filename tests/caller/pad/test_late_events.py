"""The answer to the clerk's own command is newer than events still on their way: a late
event must not make the pad show an older ticket (or none) for a moment."""

from __future__ import annotations

from typing import Any

from hallq.client.snapshot import apply_event
from tests.caller.pad.conftest import Pad


def ticket(number: str, ticket_id: int) -> dict[str, Any]:
    return {"id": ticket_id, "number": number, "service": "biz", "called_at": None}


def late(pad: Pad, kind: str, about: dict[str, Any], seq: int) -> None:
    """Deliver an event to the pad's client as if it arrived from the server now."""
    event = {"type": kind, "seq": seq, "window": "3", "ticket": about}
    apply_event(pad.client.snapshot, event)
    pad.client.eventReceived.emit(event)


def test_a_late_event_does_not_undo_the_answer(clerk_pad: Pad) -> None:
    pad = clerk_pad
    pad.client.stop()  # only the events this test sends
    seq = pad.client.snapshot["seq"]
    a1, a2 = ticket("A001", 1001), ticket("A002", 1002)
    late(pad, "ticket.called", a1, seq + 1)
    assert pad.window.work.ticket.number.text() == "A001"
    pad.session.set_current(a2, a2["id"])  # the answer to "call next": A002
    assert pad.window.work.ticket.number.text() == "A002"
    late(pad, "ticket.finished", a1, seq + 2)  # older news: A001 was finished
    assert pad.window.work.ticket.number.text() == "A002"
    late(pad, "ticket.called", a2, seq + 3)  # the events caught up
    assert pad.window.work.ticket.number.text() == "A002"
    late(pad, "ticket.finished", a2, seq + 4)  # now the window's own news count again
    assert pad.window.work.ticket.number.text() == "—"
