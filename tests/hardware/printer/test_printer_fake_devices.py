"""Status and stalls against a fake printer on a real TCP port and on a pty (serial transport)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from typing import Protocol

import pytest

from hallq.hardware.printer import PrinterError, StatusKind, TicketPrinter, open_printer
from hallq.hardware.printer.sample import example_slip
from tests.hardware.printer.escpos_tokens import qr_payloads, text_lines, tokenize
from tests.hardware.printer.fake_printer import FakePrinterCore, PtyFakePrinter, TcpFakePrinter


class Fake(Protocol):
    def close(self) -> None: ...


def start(link: str, mode: str, stall_after: int = 64) -> tuple[FakePrinterCore, str]:
    if link == "tcp":
        tcp = TcpFakePrinter(mode, stall_after)
        return tcp, tcp.url
    pty = PtyFakePrinter(mode, stall_after)
    return pty, f"serial:{pty.path}?baudrate=115200"


@pytest.fixture(params=["tcp", "pty"])
def link(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def devices() -> Iterator[list[FakePrinterCore]]:
    started: list[FakePrinterCore] = []
    yield started
    for fake in started:
        fake.close()  # type: ignore[attr-defined]


def printer_on(link: str, mode: str, devices: list[FakePrinterCore],
               profile: str = "default") -> tuple[FakePrinterCore, TicketPrinter]:
    fake, url = start(link, mode)
    devices.append(fake)
    return fake, open_printer(url, profile=profile)


def test_normal_printer_prints_the_ticket(link: str, devices: list[FakePrinterCore]) -> None:
    fake, printer = printer_on(link, "normal", devices)
    with printer:
        assert printer.check_status().kind is StatusKind.OK
        result = printer.print_slip(example_slip())
        deadline = time.monotonic() + 2
        while len(fake.job) < result.bytes_sent and time.monotonic() < deadline:
            time.sleep(0.01)
    assert fake.queries[:3] == [1, 2, 4]  # online first, then cause, then paper
    tokens = tokenize(fake.job)
    assert "A012" in [line.text for line in text_lines(tokens)]
    assert qr_payloads(tokens) == [b"http://192.168.1.10:8000/t/20240518-A012"]


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("paper_out", StatusKind.PAPER_OUT), ("cover_open", StatusKind.COVER_OPEN),
     ("silence", StatusKind.OFFLINE), ("paper_low", StatusKind.PAPER_LOW)],
)
def test_status_reported_within_two_seconds(
    link: str, devices: list[FakePrinterCore], mode: str, kind: StatusKind
) -> None:
    fake, printer = printer_on(link, mode, devices)
    with printer:
        started = time.monotonic()
        status = printer.check_status()
        assert time.monotonic() - started < 2
        assert status.kind is kind and status.message_zh and status.message_en
        if not status.ok:
            started = time.monotonic()
            with pytest.raises(PrinterError) as caught:
                printer.print_slip(example_slip())
            assert time.monotonic() - started < 2
            assert caught.value.status.kind is kind
            assert b"\x1b@" not in fake.received  # nothing printed


ONE_STATUS = 9  # bytes of DLE EOT 1, 2 and 4: the status asked before printing
LINK_BUFFERS = 64 * 1024  # far more than a link holds for a printer that stopped reading: our
# 4 KiB send buffer and the fake's 4 KiB receive buffer (TCP, doubled by Linux), or a pty's buffer


def test_stalled_write_reported_within_two_seconds(
    link: str, devices: list[FakePrinterCore]
) -> None:
    """Deterministic: the fake answers the status at once, then reads not one byte more; the
    ticket is many times what the link's buffers hold, so the very first print blocks. The two
    seconds run from the moment the printer stopped reading (not from rendering the ticket,
    which a busy PC may take its time over): the stall watch is what is measured."""
    fake, url = start(link, "stall", stall_after=ONE_STATUS)
    devices.append(fake)
    long_slip = dataclasses.replace(example_slip(), materials=[f"材料 {i}" for i in range(40)])
    with open_printer(url, profile="raster-80") as printer:
        assert len(printer.render(long_slip).data) > 2 * LINK_BUFFERS
        with pytest.raises(PrinterError) as caught:
            printer.print_slip(long_slip)
        elapsed = time.monotonic() - fake.stalled_at
    assert fake.stalled.is_set() and fake.queries == [1, 2, 4]
    assert len(fake.received) == ONE_STATUS  # not one byte of the ticket was taken
    assert caught.value.status.kind is StatusKind.OFFLINE
    detail = caught.value.status.detail
    assert "stalled" in detail or "timed out" in detail
    assert elapsed < 2


def test_connection_refused_is_offline() -> None:
    fake = TcpFakePrinter()
    url = fake.url
    fake.close()
    with open_printer(url) as printer:
        started = time.monotonic()
        status = printer.check_status()
    assert status.kind is StatusKind.OFFLINE and time.monotonic() - started < 2
    assert url in status.detail
