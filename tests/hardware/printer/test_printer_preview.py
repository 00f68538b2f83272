"""preview:DIR writes the exact bytes and a PNG of the ticket; it can simulate a status."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image

from hallq.hardware.printer import PrinterError, StatusKind, open_printer
from hallq.hardware.printer.sample import example_slip


def test_preview_writes_bin_and_png(tmp_path: Path) -> None:
    with open_printer(f"preview:{tmp_path}") as printer:
        result = printer.print_slip(example_slip())
        expected = printer.render(example_slip()).data
    assert (tmp_path / "ticket-A012.bin").read_bytes() == expected
    assert result.bytes_sent == len(expected) and result.mode == "text"
    with Image.open(tmp_path / "ticket-A012.png") as png:
        assert png.width == 576 and 600 < png.height < 2000


def test_preview_png_in_raster_profile_is_58mm(tmp_path: Path) -> None:
    with open_printer(f"preview:{tmp_path}", profile="raster-58") as printer:
        printer.print_slip(example_slip())
    with Image.open(tmp_path / "ticket-A012.png") as png:
        assert png.width == 384


@pytest.mark.parametrize("state", ["paper_out", "cover_open", "offline", "error"])
def test_preview_simulates_status(tmp_path: Path, state: str) -> None:
    with open_printer(f"preview:{tmp_path}?status={state}") as printer:
        started = time.monotonic()
        with pytest.raises(PrinterError) as caught:
            printer.print_slip(example_slip())
    assert caught.value.status.kind == StatusKind(state)
    assert time.monotonic() - started < 2
    assert not list(tmp_path.iterdir())


def test_preview_paper_low_still_prints(tmp_path: Path) -> None:
    with open_printer(f"preview:{tmp_path}?status=paper_low") as printer:
        result = printer.print_slip(example_slip())
    assert result.status.kind is StatusKind.PAPER_LOW
    assert "纸" in result.status.message_zh and "paper" in result.status.message_en
