"""Golden bytes and round trips for every shipped codec table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallq.hardware.bus.codec import CODEC_DIR, CodecError, load_table, parse_table
from hallq.hardware.bus.framing import TableCodec, load_codec
from hallq.hardware.bus.message import Command, Message

A001_ON_3 = Message(3, Command.SHOW_TEXT, b"A001")


def test_hallq_golden_frame() -> None:
    # CRC-16/MODBUS over 03 10 04 41 30 30 31, worked bit by bit here, independent of the code.
    crc = 0xFFFF
    for byte in bytes.fromhex("03 10 04 41 30 30 31"):
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    assert crc == 0xB71A
    expected = bytes.fromhex("02 03 10 04 41 30 30 31 1A B7 03")
    assert load_codec("hallq").encode(A001_ON_3) == expected


def test_vendor_sum_golden_frame() -> None:
    # SUM8 of AA 55 03 31 04 41 30 30 31 = 0x209 -> 0x09
    assert 0xAA + 0x55 + 0x03 + 0x31 + 0x04 + 0x41 + 0x30 + 0x30 + 0x31 == 0x209
    expected = bytes.fromhex("AA 55 03 31 04 41 30 30 31 09 0D 0A")
    assert load_codec("vendor_aa55_sum").encode(A001_ON_3) == expected


def test_vendor_xor_golden_frame() -> None:
    # XOR of 03 A1 00 04 41 30 30 31 = 0xD6
    assert 0x03 ^ 0xA1 ^ 0x00 ^ 0x04 ^ 0x41 ^ 0x30 ^ 0x30 ^ 0x31 == 0xD6
    expected = bytes.fromhex("FE 03 A1 00 04 41 30 30 31 D6 EF")
    assert load_codec("vendor_fe_xor").encode(A001_ON_3) == expected


def test_gbk_text_payload() -> None:
    frame = load_codec("hallq").encode(Message(1, Command.SHOW_TEXT, "暂停服务".encode("gbk")))
    assert frame[3] == 8 and frame[4:12] == bytes.fromhex("D4DD CDA3 B7FE CEF1")


CODECS = sorted(p.stem for p in CODEC_DIR.glob("*.toml"))


def messages(codec: TableCodec) -> st.SearchStrategy[Message]:
    t = codec.table
    return st.builds(
        Message,
        st.integers(t.address_min, t.address_max),
        st.sampled_from(sorted(t.commands)),
        st.binary(max_size=t.max_payload),
    )


@pytest.mark.parametrize("name", CODECS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_round_trip_in_any_chunking(name: str, data: st.DataObject) -> None:
    codec = TableCodec(load_table(name))
    sent = data.draw(st.lists(messages(codec), max_size=5))
    stream = b"".join(codec.encode(m) for m in sent)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    decoder = codec.decoder()
    got: list[Message] = []
    for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True):
        got += decoder.feed(stream[a:b])
    assert got == sent


@pytest.mark.parametrize("name", CODECS)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_garbage_between_frames_is_dropped_and_decoder_resyncs(
    name: str, data: st.DataObject
) -> None:
    codec = TableCodec(load_table(name))
    sent = data.draw(st.lists(messages(codec), min_size=1, max_size=4))
    garbage = st.binary(max_size=40)
    if codec.checksum_width < 2:
        # An 8-bit checksum lets about one noise header in 65536 pass as a frame; this property
        # holds for the CRC-16 table with any noise, for the others with noise free of headers.
        garbage = garbage.filter(lambda g: codec.table.header[0] not in g)
    stream = b""
    for message in sent:
        stream += data.draw(garbage) + codec.encode(message)
    stream += codec.encode(sent[-1])  # a final good frame flushes any half-read noise frame
    chunk = data.draw(st.integers(1, 64))
    decoder = codec.decoder()
    got: list[Message] = []
    for i in range(0, len(stream), chunk):
        got += decoder.feed(stream[i:i + chunk])
    assert got[: len(sent)] == sent


@pytest.mark.parametrize("name", CODECS)
def test_bad_checksum_is_dropped(name: str) -> None:
    codec = load_codec(name)
    good = codec.encode(A001_ON_3)
    bad = bytearray(good)
    bad[-1 - len(load_table(name).tail)] ^= 0x01
    decoder = codec.decoder()
    assert decoder.feed(bytes(bad)) == []
    assert decoder.feed(good) == [A001_ON_3]


def test_noise_header_announcing_a_long_payload_does_not_hold_back_the_next_frame() -> None:
    codec = load_codec("hallq")
    good = codec.encode(A001_ON_3)
    assert codec.decoder().feed(b"\x02\x05\x10\xff" + good) == [A001_ON_3]


def test_encode_refuses_what_the_table_cannot_carry() -> None:
    codec = load_codec("hallq")
    with pytest.raises(CodecError, match="address 0"):
        codec.encode(Message(0, Command.POLL))
    with pytest.raises(CodecError, match="exceeds 255"):
        codec.encode(Message(1, Command.SHOW_TEXT, b"x" * 256))


def test_table_errors_name_the_key() -> None:
    with pytest.raises(CodecError, match=r"x\.toml: commands\.blink: unknown command"):
        parse_table({"header": [2], "commands": {"blink": 1}}, "x.toml")
    with pytest.raises(CodecError, match=r"x\.toml: checksum: one of"):
        parse_table({"header": [2], "checksum": "md5", "commands": {"poll": 1}}, "x.toml")
    with pytest.raises(CodecError, match="no table"):
        load_table("no_such_vendor")
