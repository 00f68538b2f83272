"""Templates, profiles and printer URLs: good ones load, bad ones name the file/URL and key."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hallq.hardware.printer import (
    PrinterUrlError,
    ProfileError,
    TemplateError,
    default_template,
    load_profile,
    load_template,
    profile_names,
)
from hallq.hardware.printer.transports.file import FileTransport
from hallq.hardware.printer.transports.preview import PreviewTransport
from hallq.hardware.printer.transports.serialport import SerialTransport
from hallq.hardware.printer.transports.tcp import TcpTransport
from hallq.hardware.printer.transports.usb import UsbTransport
from hallq.hardware.printer.url import transport_for_url
from hallq.print_sample import run

ROOT = Path(__file__).resolve().parents[3]


def test_default_and_example_templates_load() -> None:
    assert default_template().blocks[-1].kind == "cut"
    example = load_template(ROOT / "config/printer.toml", "printer.template")
    assert example.blocks == default_template().blocks


@pytest.mark.parametrize(
    ("block", "names"),
    [
        ('text = "{nmber}"', ["blocks #1", "text", "{nmber}"]),
        ('text = "{number}"\nsize = 9', ["blocks #1", "size", "1..8"]),
        ('qr = "{qr_url}"\nqr_error = "X"', ["blocks #1", "qr_error"]),
        ('text = "x"\nwhen = "weather"', ["blocks #1", "when"]),
        ('text = "x"\ncolour = "red"', ["blocks #1", "colour"]),
        ('rule = "--"', ["blocks #1", "rule"]),
        ('text = "x"\nrule = "-"', ["blocks #1", "exactly one"]),
    ],
)
def test_template_errors_name_file_and_key(tmp_path: Path, block: str, names: list[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f"[[template.blocks]]\n{block}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    message = str(caught.value)
    assert str(path) in message and all(name in message for name in names), message


def test_missing_template_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("[printer]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"printer\.template"):
        load_template(path, "printer.template")


def test_profiles_are_data() -> None:
    assert {"default", "gbk-80", "raster-80"} <= set(profile_names())
    assert load_profile("raster-80").mode == "raster"
    with pytest.raises(ProfileError, match=r"known profiles: .*default"):
        load_profile("epson-unknown")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("usb:0x0416:0x5011", UsbTransport), ("serial:/dev/ttyUSB0?baudrate=9600", SerialTransport),
        ("tcp://127.0.0.1:9100", TcpTransport), ("tcp://printer.local", TcpTransport),
        ("file:/dev/usb/lp0", FileTransport), ("/dev/usb/lp0", FileTransport),
        ("./ticket.bin", FileTransport), ("preview:out?status=paper_out", PreviewTransport),
    ],
)
def test_url_forms(url: str, kind: type) -> None:
    assert isinstance(transport_for_url(url), kind)


def test_url_details() -> None:
    usb = transport_for_url("usb:0x0416:0x5011")
    assert isinstance(usb, UsbTransport) and (usb.vendor, usb.product) == (0x0416, 0x5011)
    serial = transport_for_url("serial:/dev/ttyUSB0?baudrate=9600&rtscts=1")
    assert isinstance(serial, SerialTransport)
    assert serial.options == {"baudrate": 9600, "rtscts": True}
    tcp = transport_for_url("tcp://printer.local")
    assert isinstance(tcp, TcpTransport) and tcp.port == 9100


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("lpt:1", "unknown kind 'lpt'"), ("usb:0416", "usb:VID:PID"), ("usb:xx:yy", "hex"),
        ("serial:", "no serial port"), ("serial:/dev/x?speed=9600", "unknown option 'speed'"),
        ("serial:/dev/x?baudrate=fast", "baudrate='fast'"), ("tcp://", "tcp://HOST"),
        ("tcp:printer", "tcp://HOST"), ("preview:out?status=wet", "status must be"),
        ("nothing", "unknown kind"),
    ],
)
def test_bad_urls_are_named(url: str, words: str) -> None:
    with pytest.raises(PrinterUrlError) as caught:
        transport_for_url(url)
    assert repr(url) in str(caught.value) and words in str(caught.value)


@pytest.mark.skipif(sys.platform == "win32", reason="the error is for other systems")
def test_win32_elsewhere_is_a_clear_error() -> None:
    with pytest.raises(PrinterUrlError, match="Windows only"):
        transport_for_url("win32:POS-80")


HALL = """
[hall]
name = "示例市政务服务中心"
status_url = "http://hall.local/t/{token}"
[[services]]
code = "biz"
name = "企业开办"
prefix = "B"
[services.guide]
materials = ["营业执照申请书"]
[[windows]]
id = "1"
name = "1号窗口"
services = ["biz"]
[printer]
footer = "过号请重新取号"
"""


def _args(**kw: object) -> object:
    import argparse

    return argparse.Namespace(**{"profile": "default", "template": None} | kw)


def test_print_sample_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hall = tmp_path / "hall.toml"
    hall.write_text(HALL, encoding="utf-8")
    out = tmp_path / "out"
    assert run(_args(printer=f"preview:{out}", config=hall)) == 0  # type: ignore[arg-type]
    assert (out / "ticket-B001.bin").exists() and (out / "ticket-B001.png").exists()
    data = (out / "ticket-B001.bin").read_bytes()
    assert "企业开办".encode("gb18030") in data and b"http://hall.local/t/sample" in data
    assert "过号请重新取号".encode("gb18030") in data  # the [printer] footer
    assert run(_args(printer=f"preview:{out}?status=paper_out", config=hall)) == 1  # type: ignore[arg-type]
    assert "缺纸" in capsys.readouterr().err


def test_print_sample_bad_config_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall = tmp_path / "hall.toml"
    hall.write_text(HALL.replace('name = "示例市政务服务中心"', ""), encoding="utf-8")
    assert run(_args(printer=f"preview:{tmp_path}", config=hall)) == 2  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert str(hall) in err and "hall.name" in err


def test_window_lists_print_compactly() -> None:
    from hallq.hardware.printer.layout import compact_windows

    assert compact_windows(["1号窗口", "2号窗口", "14号窗口"], "、") == "1、2、14号窗口"
    assert compact_windows(["3号窗口"], "、") == "3号窗口"
    assert compact_windows(["1号窗口", "帮办代办窗口"], "、") == "1号窗口、帮办代办窗口"
