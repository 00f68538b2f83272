"""The ticket printer in a worker thread: status checks (on request and every few seconds) and
printing, with results back through signals. The GUI thread never touches the printer."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from hallq.hardware.printer import (
    PrinterError,
    PrinterStatus,
    StatusKind,
    TicketPrinter,
    TicketSlip,
)

PERIODIC = 0  # request id of the periodic status check


class PrinterWorker(QObject):
    """Lives in the printer thread; every slot runs there."""

    checked = Signal(int, object)  # request id, PrinterStatus
    printed = Signal(int, object)  # ticket id, PrintResult
    failed = Signal(int, object)  # ticket id, PrinterStatus

    def __init__(self, printer: TicketPrinter, check_ms: int) -> None:
        super().__init__()
        self.printer, self.check_ms = printer, check_ms
        self.timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.check(PERIODIC))
        self.timer.start(self.check_ms)
        self.check(PERIODIC)

    @Slot()
    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.printer.close()

    @Slot(int)
    def check(self, request: int) -> None:
        try:
            status = self.printer.check_status()
        except Exception as exc:  # a broken driver must not kill the thread
            status = PrinterStatus(StatusKind.ERROR, f"{type(exc).__name__}: {exc}")
        self.checked.emit(request, status)

    @Slot(int, object)
    def print_slip(self, ticket_id: int, slip: TicketSlip) -> None:
        try:
            result = self.printer.print_slip(slip)
        except PrinterError as exc:
            self.failed.emit(ticket_id, exc.status)
            return
        except Exception as exc:
            self.failed.emit(ticket_id, PrinterStatus(StatusKind.ERROR, f"{exc!r}"))
            return
        self.printed.emit(ticket_id, result)


class KioskPrinter(QObject):
    """The GUI thread's handle on the printer thread. ``status`` is the last known status
    (None until the first check answers)."""

    statusChanged = Signal(object)  # PrinterStatus
    checked = Signal(int, object)
    printed = Signal(int, object)
    failed = Signal(int, object)
    _check = Signal(int)
    _print = Signal(int, object)
    _start = Signal()
    _stop = Signal()

    def __init__(self, printer: TicketPrinter, check_seconds: float = 5.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: PrinterStatus | None = None
        self._requests = 0
        self.worker_thread = QThread()
        self.worker = PrinterWorker(printer, int(check_seconds * 1000))
        self.worker.moveToThread(self.worker_thread)
        self._start.connect(self.worker.start)
        # blocking: the timer must be stopped in its own thread before the thread ends
        self._stop.connect(self.worker.stop, Qt.ConnectionType.BlockingQueuedConnection)
        self._check.connect(self.worker.check)
        self._print.connect(self.worker.print_slip)
        self.worker.checked.connect(self._on_checked)
        self.worker.printed.connect(self.printed)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self.worker_thread.start()
        self._start.emit()

    def stop(self) -> None:
        if self.worker_thread.isRunning():
            self._stop.emit()
            self.worker_thread.quit()
            self.worker_thread.wait(5000)

    def request_check(self) -> int:
        self._requests += 1
        self._check.emit(self._requests)
        return self._requests

    def print_slip(self, ticket_id: int, slip: TicketSlip) -> None:
        self._print.emit(ticket_id, slip)

    @property
    def known_bad(self) -> bool:
        return self.status is not None and not self.status.ok

    def _remember(self, status: PrinterStatus) -> None:
        if self.status is None or status.kind != self.status.kind:
            self.status = status
            self.statusChanged.emit(status)
        self.status = status

    def _on_checked(self, request: int, status: PrinterStatus) -> None:
        self._remember(status)
        self.checked.emit(request, status)

    def _on_failed(self, ticket_id: int, status: PrinterStatus) -> None:
        self._remember(status)
        self.failed.emit(ticket_id, status)
