"""A ticket is "printed" only when the printer answers its status after the cut: the ticket fits
the socket buffers of a printer that stopped reading, so a write that returned proves nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hallq.hardware.printer import PrinterError, PrinterUrlError, StatusKind, open_printer
from hallq.hardware.printer.sample import example_slip
from hallq.hardware.printer.transports.serialport import SerialTransport
from tests.hardware.printer.fake_printer import PtyFakePrinter, TcpFakePrinter

ONE_STATUS = 9  # bytes of DLE EOT 1, 2 and 4


class RunsOutAtTheCut(TcpFakePrinter):
    """Takes the whole ticket, then reports paper end (the roll ended in this ticket)."""

    def feed(self, data: bytes) -> bytes:
        if b"\x1dV" in bytes(self.received) + data:  # GS V: the cut
            self.mode = "paper_out"
        return super().feed(data)


@pytest.fixture
def fakes() -> Iterator[list[TcpFakePrinter]]:
    started: list[TcpFakePrinter] = []
    yield started
    for fake in started:
        fake.close()


def test_a_printer_that_stops_reading_after_its_status_is_not_printed(
        fakes: list[TcpFakePrinter]) -> None:
    fake = TcpFakePrinter("stall", stall_after=ONE_STATUS)  # answers once, then reads nothing
    fakes.append(fake)
    with open_printer(fake.url) as printer, pytest.raises(PrinterError) as err:
        printer.print_slip(example_slip())
    assert fake.queries == [1, 2, 4]  # the status before printing was answered: all well
    assert err.value.status.kind is StatusKind.OFFLINE
    assert "after ticket A012 was sent" in err.value.status.detail
    assert err.value.status.message_zh == "打印机没有响应，请联系工作人员"
    assert b"\x1dV" not in fake.received  # the ticket never left the buffers


def test_paper_out_at_the_cut_is_a_failed_print(fakes: list[TcpFakePrinter]) -> None:
    fake = RunsOutAtTheCut("normal")
    fakes.append(fake)
    with open_printer(fake.url) as printer, pytest.raises(PrinterError) as err:
        printer.print_slip(example_slip())
    assert err.value.status.kind is StatusKind.PAPER_OUT
    assert fake.queries == [1, 2, 4, 1, 2, 4]


def test_a_healthy_printer_is_asked_before_and_after(fakes: list[TcpFakePrinter]) -> None:
    fake = TcpFakePrinter("normal")
    fakes.append(fake)
    with open_printer(fake.url) as printer:
        result = printer.print_slip(example_slip())
    assert result.after is not None and result.after.kind is StatusKind.OK
    assert fake.queries == [1, 2, 4, 1, 2, 4]  # before the ticket, and after its cut
    job = bytes(fake.received)
    assert job.index(b"\x1dV") < job.rindex(b"\x10\x04\x01")  # the second ask follows the cut


def test_a_serial_printer_gets_the_time_its_line_needs() -> None:
    pty = PtyFakePrinter("normal")
    try:
        transport = SerialTransport(f"serial:{pty.path}", pty.path, {"baudrate": 9600})
        assert transport.transmit_s(960) == pytest.approx(1.0)  # 10 bits a byte at 9600 baud
        # a raster ticket of 65 KB: only what the OS still holds is waited for, not 68 s
        assert transport.transmit_s(65_129) == pytest.approx(8192 * 10 / 9600)
        with open_printer(f"serial:{pty.path}?baudrate=9600") as printer:
            assert printer.print_slip(example_slip()).after is not None
        assert pty.queries == [1, 2, 4, 1, 2, 4]
    finally:
        pty.close()


@pytest.mark.parametrize("rate", ["0", "-9600", "10000000"])
def test_a_baud_rate_no_line_has_is_refused_with_the_url(rate: str) -> None:
    with pytest.raises(PrinterUrlError, match=f"baudrate={rate} is not a baud rate"):
        open_printer(f"serial:/dev/ttyUSB0?baudrate={rate}")
