"""Printer status as the hall sees it, and how the ESC/POS ``DLE EOT`` answers map onto it.

``DLE EOT 1`` (printer status) is asked first: a printer that does not answer is offline, and
only a printer that answers is asked ``DLE EOT 2`` (offline cause: cover, paper end, error) and
``DLE EOT 4`` (paper roll sensor). Every answer byte has bits 1 and 4 set and bits 0 and 7 clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

ASK_ONLINE = b"\x10\x04\x01"
ASK_CAUSE = b"\x10\x04\x02"
ASK_PAPER = b"\x10\x04\x04"


class StatusKind(Enum):
    OK = "ok"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    ERROR = "error"


MESSAGES: dict[StatusKind, tuple[str, str]] = {
    StatusKind.OK: ("打印机正常", "The printer is ready"),
    StatusKind.PAPER_LOW: (
        "打印纸即将用完，请告知工作人员",
        "The printer paper is running low, please tell the staff",
    ),
    StatusKind.PAPER_OUT: (
        "打印机缺纸，请联系工作人员",
        "The printer is out of paper, please ask the staff",
    ),
    StatusKind.COVER_OPEN: (
        "打印机盖未关好，请联系工作人员",
        "The printer cover is open, please ask the staff",
    ),
    StatusKind.OFFLINE: (
        "打印机没有响应，请联系工作人员",
        "The printer is not responding, please ask the staff",
    ),
    StatusKind.ERROR: (
        "打印机故障，请联系工作人员",
        "The printer has a fault, please ask the staff",
    ),
}


@dataclass(frozen=True)
class PrinterStatus:
    """The printer's state: ``message_zh``/``message_en`` for the citizen, ``detail`` for staff."""

    kind: StatusKind
    detail: str = ""

    @property
    def ok(self) -> bool:
        """True when a ticket can be printed now (low paper still prints)."""
        return self.kind in (StatusKind.OK, StatusKind.PAPER_LOW)

    @property
    def message_zh(self) -> str:
        return MESSAGES[self.kind][0]

    @property
    def message_en(self) -> str:
        return MESSAGES[self.kind][1]


def valid_answer(byte: int) -> bool:
    """Whether ``byte`` looks like a DLE EOT answer (fixed bits 1 and 4 on, 0 and 7 off)."""
    return byte & 0x93 == 0x12


def status_from_answers(online: int, cause: int | None, paper: int | None) -> PrinterStatus:
    """Map the answers to DLE EOT 1, 2 and 4 (None: not answered) onto one status."""
    for name, byte in (("DLE EOT 1", online), ("DLE EOT 2", cause), ("DLE EOT 4", paper)):
        if byte is not None and not valid_answer(byte):
            return PrinterStatus(StatusKind.ERROR, f"unexpected answer 0x{byte:02x} to {name}")
    if cause is not None and cause & 0x04:
        return PrinterStatus(StatusKind.COVER_OPEN, "DLE EOT 2: cover open")
    if (paper is not None and paper & 0x60) or (cause is not None and cause & 0x20):
        return PrinterStatus(StatusKind.PAPER_OUT, "paper end sensor")
    if cause is not None and cause & 0x40:
        return PrinterStatus(StatusKind.ERROR, "DLE EOT 2: error occurred")
    if online & 0x08:
        return PrinterStatus(StatusKind.OFFLINE, "DLE EOT 1: printer reports offline")
    if paper is not None and paper & 0x0C:
        return PrinterStatus(StatusKind.PAPER_LOW, "paper near-end sensor")
    return PrinterStatus(StatusKind.OK, "all status answers normal")
