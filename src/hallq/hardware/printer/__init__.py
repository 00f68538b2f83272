"""Ticket printing on ESC/POS thermal printers: one interface, transports chosen by URL.

    with open_printer("tcp://192.168.1.50:9100", profile="default") as printer:
        status = printer.check_status()      # PrinterStatus: kind, message_zh, message_en
        result = printer.print_slip(slip)    # PrintResult, or PrinterError(status)
"""

from hallq.hardware.printer.errors import (
    PrinterConfigError,
    PrinterError,
    PrinterUrlError,
    ProfileError,
    TemplateError,
)
from hallq.hardware.printer.printer import PrintResult, RenderedTicket, TicketPrinter, open_printer
from hallq.hardware.printer.profiles import PrinterProfile, load_profile, profile_names
from hallq.hardware.printer.slip import TicketSlip
from hallq.hardware.printer.status import PrinterStatus, StatusKind
from hallq.hardware.printer.template import Template, default_template, load_template

__all__ = [
    "PrintResult", "PrinterConfigError", "PrinterError", "PrinterProfile", "PrinterStatus",
    "PrinterUrlError", "ProfileError", "RenderedTicket", "StatusKind", "Template",
    "TemplateError", "TicketPrinter", "TicketSlip", "default_template", "load_profile",
    "load_template", "open_printer", "profile_names",
]
