"""What the rating pad does, apart from how it looks: follow the window, ask after a finish,
send the rating, give up after the timeout (the ticket then stays unrated: 9.2 never records a
default rating)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallq.caller.rating.settings import PadSettings
from hallq.client.connection import HallClient, Reply
from hallq.client.snapshot import window_of

FINAL = ("already_rated", "not_done", "not_found")  # asking again cannot help


class RatingFlow(QObject):
    windowChanged = Signal(dict)  # this window in the snapshot ({} when unknown)
    asking = Signal(dict)  # the finished ticket to rate (fixed until rated or timed out)
    thanked = Signal(int)  # the score the server recorded
    refused = Signal(str, str, bool)  # error code, server's message, final (asking ended)
    busyChanged = Signal(bool)
    reasonsChanged = Signal(list)
    done = Signal()  # back to the window screen

    def __init__(self, client: HallClient, window: str, settings: PadSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client, self.window, self.settings = client, window, settings
        self.ticket: dict[str, Any] | None = None
        self.sending = False
        self.reasons = list(settings.reasons)
        self.reasons_en: list[str] = []  # one for one with reasons, from the server
        self.timeout = QTimer(self, singleShot=True, interval=int(settings.timeout_s * 1000))
        self.timeout.timeout.connect(self.give_up)
        self.back = QTimer(self, singleShot=True, interval=int(settings.thanks_s * 1000))
        self.back.timeout.connect(self.done)
        client.snapshotChanged.connect(self._on_snapshot)
        client.eventReceived.connect(self._on_event)
        client.onlineChanged.connect(self._on_online)
        client.configChanged.connect(lambda _event: self._on_online(True))  # new reasons

    def window_state(self) -> dict[str, Any]:
        found = window_of(self.client.snapshot, self.window)
        if found is None and self.client.snapshot.get("windows"):
            return {"id": self.window, "missing": True}  # --window names no window of the hall
        return found or {}

    def _on_snapshot(self, _snapshot: dict[str, Any]) -> None:
        self.windowChanged.emit(self.window_state())

    def _on_online(self, online: bool) -> None:
        if online:
            self.client.get("/api/ratings/options", self._on_options)

    def _on_options(self, reply: Reply) -> None:
        if reply.ok and isinstance(reply.data, dict) and reply.data.get("reasons"):
            self.reasons = [str(r) for r in reply.data["reasons"]]
            self.reasons_en = [str(r) for r in reply.data.get("reasons_en") or []]
            self.reasonsChanged.emit(self.reasons)

    def _on_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type", "")
        if kind == "ticket.finished" and event.get("window") == self.window:
            self.ask(event["ticket"])
        elif kind == "ticket.rated" and self.ticket and not self.sending \
                and event.get("ticket_id") == self.ticket["id"]:
            self._end("already_rated", "")  # rated meanwhile, e.g. from a phone
        if event.get("window") == self.window:
            self.windowChanged.emit(self.window_state())

    def ask(self, ticket: dict[str, Any]) -> None:
        self.back.stop()
        self.ticket, self.sending = ticket, False
        self.busyChanged.emit(False)
        self.timeout.start()
        self.asking.emit(ticket)

    def touch(self) -> None:
        """The citizen is still choosing: the timeout starts again."""
        if self.ticket is not None and not self.sending:
            self.timeout.start()

    def give_up(self) -> None:
        if self.ticket is not None and not self.sending:
            self.ticket = None
            self.done.emit()

    def submit(self, score: int, reasons: list[str], comment: str) -> None:
        if self.ticket is None or self.sending:
            return
        self.sending = True
        self.timeout.stop()
        self.busyChanged.emit(True)
        body = {"score": score, "reasons": reasons, "comment": comment.strip(), "channel": "pad"}
        ticket_id = self.ticket["id"]
        self.client.post(f"/api/tickets/{ticket_id}/rating", body,
                         lambda reply: self._on_reply(ticket_id, score, reply))

    def _on_reply(self, ticket_id: int, score: int, reply: Reply) -> None:
        if self.ticket is None or self.ticket["id"] != ticket_id:
            return  # a newer finish took over meanwhile
        self.sending = False
        self.busyChanged.emit(False)
        if reply.ok:
            self.ticket = None
            self.thanked.emit(score)
            self.back.start()
        elif reply.code in FINAL:
            self._end(reply.code, reply.message)
        else:  # offline, or a bad request: say so and let the citizen try again
            self.refused.emit(reply.code, reply.message, False)
            self.timeout.start()

    def _end(self, code: str, message: str) -> None:
        self.ticket = None
        self.timeout.stop()
        self.refused.emit(code, message, True)
        self.back.start()
