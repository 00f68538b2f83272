"""Errors of the ticket printer; each says what is wrong in words a technician can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hallq.hardware.printer.status import PrinterStatus


class PrinterConfigError(ValueError):
    """A printer URL, profile or template is malformed; the message names the file/URL and key."""


class PrinterUrlError(PrinterConfigError):
    """A printer URL that names no known transport or carries bad options."""


class TemplateError(PrinterConfigError):
    """A ticket template that cannot be used; the message names the file and the key."""


class ProfileError(PrinterConfigError):
    """An unknown printer profile or a profile with a bad value."""


class PrinterError(RuntimeError):
    """The printer cannot print now; ``status`` says why, for the citizen and for the staff."""

    def __init__(self, status: PrinterStatus) -> None:
        super().__init__(f"{status.kind.value}: {status.message_en} ({status.detail})")
        self.status = status
