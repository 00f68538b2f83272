"""The bytes of a ticket, decoded with the test tokenizer: content, sizes, QR, cut, encoding."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hallq.hardware.printer import TicketPrinter, load_profile
from hallq.hardware.printer.sample import example_slip
from hallq.hardware.printer.transports.preview import PreviewTransport
from tests.hardware.printer.escpos_tokens import qr_payloads, text_lines, tokenize


def render(slip=None, profile: str = "default"):  # type: ignore[no-untyped-def]
    printer = TicketPrinter(PreviewTransport("preview:x", Path("unused")), load_profile(profile))
    return printer.render(slip or example_slip())


def test_ticket_content_in_text_mode() -> None:
    slip = example_slip()
    tokens = tokenize(render(slip).data)
    lines = text_lines(tokens)
    texts = [line.text for line in lines]
    number = [line for line in lines if line.text == slip.number]
    assert number and number[0].size >= 4 and number[0].bold and number[0].align == 1
    assert slip.hall_name in texts and slip.service_name in texts
    assert any("1、2号窗口" in t for t in texts)  # the windows, compactly
    assert any("5 人" in t for t in texts)
    assert any("2024-05-18 09:41:27" in t for t in texts)
    assert all(any(m in t for t in texts) for m in slip.materials)
    assert slip.footer in texts
    assert all(line.chinese for line in lines if not line.text.isascii())
    assert qr_payloads(tokens) == [slip.qr_url.encode()]  # type: ignore[union-attr]
    assert tokens[0].name == "ESC @"
    assert tokens[-1].name == "GS V" and tokens[-1].args[0] == 66


def test_priority_mark_only_on_priority_tickets() -> None:
    plain = [line.text for line in text_lines(tokenize(render(example_slip()).data))]
    marked = text_lines(tokenize(render(example_slip(priority=True)).data))
    assert not any("优先" in t for t in plain)
    assert any("优先" in line.text and line.size >= 2 for line in marked)


def test_full_width_punctuation_and_rare_char_round_trip() -> None:
    slip = dataclasses.replace(
        example_slip(), service_name="企业开办（变更），登记。", hall_name="䶮城"
    )
    result = render(slip)
    texts = [line.text for line in text_lines(tokenize(result.data))]
    assert "企业开办（变更），登记。" in texts
    assert "䶮城" in texts
    assert "（".encode("gb18030") == b"\xa3\xa8" and "䶮".encode("gb18030") in result.data
    assert result.replaced == ()


def test_unprintable_chars_replaced_visibly_and_reported() -> None:
    slip = dataclasses.replace(example_slip(), hall_name="䶮𠀀\x1b中心😀")
    result = render(slip, "gbk-80")  # the GBK font has no 䶮; no profile prints 𠀀, ESC, emoji
    texts = [line.text for line in text_lines(tokenize(result.data))]
    assert "□□□中心□" in texts
    assert set(result.replaced) == {"䶮", "𠀀", "\x1b", "😀"}


def test_golden_size_of_example_ticket() -> None:
    data = render().data
    assert len(data) <= 600, len(data)


def test_raster_mode_is_one_image_then_cut() -> None:
    result = render(profile="raster-80")
    tokens = tokenize(result.data)
    names = [t.name for t in tokens]
    assert names[0] == "ESC @" and names[-1] == "GS V"
    assert "TEXT" not in names and "GS v 0" in names
    widths = {int.from_bytes(t.args[1:3], "little") for t in tokens if t.name == "GS v 0"}
    assert widths == {576 // 8}


def test_profile_without_native_qr_sends_qr_as_image() -> None:
    tokens = tokenize(render(profile="gb2312-58").data)
    assert not qr_payloads(tokens)
    assert any(t.name == "GS v 0" for t in tokens)
    assert all(len(line.text) <= 32 for line in text_lines(tokens))
