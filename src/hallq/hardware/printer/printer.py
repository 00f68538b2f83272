"""The ticket printer: one interface over every transport — check_status() and print_slip().

Every I/O call is bounded: status is known (or "offline") within about 1.2 s, and a write that
stops moving is reported after ``stall_s`` (1.2 s by default), so a kiosk can always tell the
citizen something within 2 s. A write that returned proves little (a ticket fits the socket
buffers of a printer that stopped reading), so the status is asked again after the cut: a ticket
is "printed" only when the printer answers then, and answers well. Not thread-safe by design;
the kiosk calls it from one worker.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import TracebackType

from hallq.hardware.printer.deadline import call_with_deadline, write_watched
from hallq.hardware.printer.errors import PrinterError
from hallq.hardware.printer.escpos_render import render_raster_mode, render_text_mode
from hallq.hardware.printer.layout import Layout, lay_out
from hallq.hardware.printer.profiles import PrinterProfile, load_profile
from hallq.hardware.printer.slip import TicketSlip
from hallq.hardware.printer.status import (
    ASK_CAUSE,
    ASK_ONLINE,
    ASK_PAPER,
    PrinterStatus,
    StatusKind,
    status_from_answers,
)
from hallq.hardware.printer.template import Template, default_template
from hallq.hardware.printer.textcodec import charset_printable
from hallq.hardware.printer.transports.base import Transport

log = logging.getLogger(__name__)
CHUNK = 512  # bytes per write: about 0.5 s at 9600 baud, so a moving printer never looks stalled


@dataclass(frozen=True)
class RenderedTicket:
    data: bytes
    layout: Layout
    replaced: tuple[str, ...]  # characters the printer cannot print, printed as the replacement


@dataclass(frozen=True)
class PrintResult:
    number: str
    bytes_sent: int
    mode: str  # "text" or "raster"
    replaced: tuple[str, ...]
    status: PrinterStatus  # as checked before printing (ok or paper_low)
    seconds: float
    after: PrinterStatus | None = None  # as asked after the cut (ok or paper_low)


class TicketPrinter:
    def __init__(
        self, transport: Transport, profile: PrinterProfile, template: Template | None = None,
        *, query_s: float = 0.4, status_budget_s: float = 1.2, stall_s: float = 1.2,
        after_s: float = 1.5,
    ) -> None:
        self.transport, self.profile = transport, profile
        self.template = template or default_template()
        self.english = default_template("en")  # a slip in English, whatever the Chinese one
        self.query_s, self.status_budget_s, self.stall_s = query_s, status_budget_s, stall_s
        self.after_s = after_s  # the wait for the answer after the cut (the printer is busy)
        self._open = False

    def render(self, slip: TicketSlip) -> RenderedTicket:
        """The bytes for ``slip`` in the profile's mode, with the characters that were replaced."""
        template = self.english if slip.language == "en" else self.template
        if self.profile.mode == "raster":
            from hallq.hardware.printer.image_render import glyph_printable

            layout = lay_out(template, slip, self.profile, glyph_printable)
            data = render_raster_mode(layout, self.profile)
        else:
            printable = charset_printable(self.profile.font_charset if
                                          self.profile.chinese_font else "ascii")
            layout = lay_out(template, slip, self.profile, printable)
            data = render_text_mode(layout, self.profile)
        return RenderedTicket(data, layout, tuple(layout.replaced))

    def _ensure_open(self) -> None:
        if not self._open:
            call_with_deadline(lambda: self.transport.open(self.query_s * 2), self.query_s * 2,
                               f"open {self.transport.url}")
            self._open = True

    def _ask(self, request: bytes, deadline: float, first: float = 0.0) -> int | None:
        wait = min(max(self.query_s, first), deadline - time.monotonic())
        if wait <= 0:
            return None
        answer = call_with_deadline(lambda: self.transport.query(request, wait), wait + 0.1,
                                    f"status of {self.transport.url}")
        return answer[-1] if answer else None

    def check_status(self, first_s: float = 0.0) -> PrinterStatus:
        """Online (DLE EOT 1) first, then cover/paper-end cause (2) and paper sensor (4).
        ``first_s``: a longer wait for the first answer (a printer still printing)."""
        if not self.transport.reads_status:
            return PrinterStatus(StatusKind.OK, f"{self.transport.url} cannot report status")
        deadline = time.monotonic() + self.status_budget_s + first_s
        try:
            self._ensure_open()
            online = self._ask(ASK_ONLINE, deadline, first_s)
            if online is None:
                self.close()
                return PrinterStatus(StatusKind.OFFLINE,
                                     f"{self.transport.url}: no answer to DLE EOT 1")
            cause, paper = self._ask(ASK_CAUSE, deadline), self._ask(ASK_PAPER, deadline)
        except (OSError, ValueError) as exc:  # TimeoutError and ConnectionError are OSErrors
            self.close()
            return PrinterStatus(StatusKind.OFFLINE, self._detail(exc))
        return status_from_answers(online, cause, paper)

    def print_slip(self, slip: TicketSlip) -> PrintResult:
        """Check the status, then print; PrinterError (with the status) if it cannot be printed."""
        rendered = self.render(slip)
        started = time.monotonic()
        status = self.check_status()
        if not status.ok:
            raise PrinterError(status)
        if rendered.replaced:
            log.warning("ticket %s: printer %s cannot print %s; printed %r instead",
                        slip.number, self.profile.name, "".join(rendered.replaced),
                        self.profile.replacement)
        try:
            self._ensure_open()
            write_watched(self.transport.write, rendered.data, CHUNK, self.stall_s,
                          f"print ticket {slip.number} on {self.transport.url}")
        except (OSError, ValueError) as exc:
            self.close()
            raise PrinterError(PrinterStatus(StatusKind.OFFLINE, self._detail(exc))) from exc
        image = None
        if self.transport.wants_image:
            from hallq.hardware.printer.image_render import render_image

            image = render_image(rendered.layout, self.profile)
        after = self.check_status(self.after_s + self.transport.transmit_s(len(rendered.data)))
        if not after.ok:  # nothing to show for the ticket: the kiosk cancels it
            self.close()
            raise PrinterError(PrinterStatus(
                after.kind, f"after ticket {slip.number} was sent: {after.detail}"))
        self.transport.end_job(slip.number, image)
        return PrintResult(slip.number, len(rendered.data), self.profile.mode, rendered.replaced,
                           status, time.monotonic() - started, after)

    def _detail(self, exc: BaseException) -> str:
        text = str(exc) or type(exc).__name__
        return text if self.transport.url in text else f"{self.transport.url}: {text}"

    def close(self) -> None:
        if self._open:
            self._open = False
            try:
                self.transport.close()
            except Exception as exc:  # closing a broken link may fail; the link is gone anyway
                log.debug("closing %s: %s", self.transport.url, exc)

    def __enter__(self) -> TicketPrinter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_printer(url: str, profile: str | PrinterProfile = "default",
                 template: Template | None = None, **timeouts: float) -> TicketPrinter:
    """A printer for ``url`` (see hardware.printer.url) with a profile chosen by name."""
    from hallq.hardware.printer.url import transport_for_url

    chosen = load_profile(profile) if isinstance(profile, str) else profile
    return TicketPrinter(transport_for_url(url), chosen, template, **timeouts)
