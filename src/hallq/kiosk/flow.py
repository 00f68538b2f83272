"""Taking a ticket: printer status first, then the server issues it, then it is printed; a
ticket that could not be printed is cancelled at once, so nobody waits for a number that was
never handed out."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallq.client.connection import HallClient, Reply
from hallq.hardware.printer import PrinterStatus, TicketSlip
from hallq.kiosk.pending import PendingCancels
from hallq.kiosk.printing import KioskPrinter

SlipMaker = Callable[[dict[str, Any]], TicketSlip]
CANCEL_TRIES, CANCEL_RETRY_MS = 120, 2000  # a server away for up to four minutes


class TicketFlow(QObject):
    """One request at a time. ``failed`` carries (kind, detail): kind is ``printer`` (detail: the
    status kind), ``print_failed``, ``server`` (detail: the server's code) or ``pin``."""

    busyChanged = Signal(bool)
    succeeded = Signal(dict)  # the printed ticket
    failed = Signal(str, str, str)  # kind, code, the server's own words
    needsPin = Signal()

    def __init__(self, client: HallClient, printer: KioskPrinter, make_slip: SlipMaker,
                 pending: PendingCancels | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client, self.printer, self.make_slip = client, printer, make_slip
        self.pending = pending or PendingCancels()
        self._stopped = False  # shutting down: no more retries; the list keeps what is left
        self.busy = False
        self.started = 0.0  # perf_counter() when the citizen's request began (for the bench)
        self._body: dict[str, Any] = {}
        self._check = -1
        self._ticket: dict[str, Any] | None = None
        self.values: dict[str, Any] = {}  # the facts of the last refusal (a time, a number)
        # the citizen's language, asked when a ticket is taken (its status page is in it)
        self.language: Callable[[], str] = lambda: "zh"
        printer.checked.connect(self._on_checked)
        printer.printed.connect(self._on_printed)
        printer.failed.connect(self._on_print_failed)

    def take(self, service: str, priority: bool = False, guide_pin: str | None = None) -> None:
        body: dict[str, Any] = {"service": service, "priority": priority}
        if guide_pin:
            body["guide_pin"] = guide_pin
        self._begin(body)

    def check_in(self, code: str) -> None:
        self._begin({"appointment": code.strip().upper()})

    def _begin(self, body: dict[str, Any]) -> None:
        if self.busy:
            return
        self.started = time.perf_counter()
        self._body, self._ticket = {**body, "language": self.language()}, None
        self._set_busy(True)
        self._check = self.printer.request_check()

    def _on_checked(self, request: int, status: PrinterStatus) -> None:
        if request != self._check or not self.busy:
            return
        self._check = -1
        if not status.ok:
            self._fail("printer", status.kind.value)
            return
        self.client.post("/api/tickets", self._body, self._on_issued)

    def _on_issued(self, reply: Reply) -> None:
        if not reply.ok:
            info = reply.data.get("values") if isinstance(reply.data, dict) else None
            self.values = dict(info) if isinstance(info, dict) else {}
            kind = "pin" if reply.code == "priority_needs_pin" else "server"
            self._fail(kind, reply.code, reply.message)
            if kind == "pin":
                self.needsPin.emit()
            return
        self._ticket = reply.data
        try:
            slip = self.make_slip(reply.data)
        except (KeyError, ValueError, TypeError) as exc:
            self._cancel(str(exc))
            return
        self.printer.print_slip(int(reply.data["id"]), slip)

    def _on_printed(self, ticket_id: int, result: object) -> None:
        if self._ticket is None or int(self._ticket["id"]) != ticket_id:
            return
        ticket = self._ticket
        self._ticket = None
        self._set_busy(False)
        self.succeeded.emit(ticket)

    def _on_print_failed(self, ticket_id: int, status: PrinterStatus) -> None:
        if self._ticket is not None and int(self._ticket["id"]) == ticket_id:
            self._cancel(status.kind.value)

    def resume_cancels(self) -> None:
        """Cancel what an earlier run of the kiosk could not (it stopped while the server was
        away)."""
        self._stopped = False
        for ticket_id in sorted(self.pending.ids):
            self._send_cancel(ticket_id, CANCEL_TRIES)

    def _cancel(self, detail: str) -> None:
        assert self._ticket is not None
        ticket_id = int(self._ticket["id"])
        self._ticket = None
        self.pending.add(ticket_id)  # on disk before anything else can go wrong
        self._send_cancel(ticket_id, CANCEL_TRIES)
        self._fail("print_failed", detail)

    def _send_cancel(self, ticket_id: int, tries: int) -> None:
        """Until the server has it: a ticket nobody holds must never be called. Any answer
        ends it (cancelled, or no longer waiting); without one it stays on the list."""
        if self._stopped:
            return

        def done(reply: Reply) -> None:
            if reply.code != "offline":
                self.pending.done(ticket_id)
            elif tries > 1:
                QTimer.singleShot(CANCEL_RETRY_MS, lambda: self._send_cancel(ticket_id,
                                                                             tries - 1))
        self.client.post(f"/api/tickets/{ticket_id}/cancel", {"reason": "print_failed"}, done)

    def stop(self) -> None:
        """The kiosk is shutting down: cancels not answered yet wait on the list for its next
        start."""
        self._stopped = True

    def _fail(self, kind: str, code: str, message: str = "") -> None:
        self._set_busy(False)
        self.failed.emit(kind, code, message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)
