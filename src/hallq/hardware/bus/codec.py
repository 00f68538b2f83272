"""The codec interface and the data that describes one framing: a codec table.

A codec turns a :class:`Message` into frame bytes (``encode``) and gives incremental decoders
(``decoder().feed(chunk)`` returns the messages completed by that chunk). Every codec shipped
here is a :class:`~hardware.bus.framing.TableCodec` driven by a TOML table in
``hardware/bus/codecs/`` (see docs/serial-protocol.md): a new vendor is a new table.
``framing`` builds on this module (``framing.load_codec`` turns a table into a codec); this
module imports nothing of ``framing``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from hallq.hardware.bus.checksums import CHECKSUMS
from hallq.hardware.bus.message import Command, Message

CODEC_DIR = Path(__file__).with_name("codecs")


class CodecError(ValueError):
    """A codec table is wrong, or a message cannot be encoded; the text names file and key."""


class Decoder(Protocol):
    def feed(self, data: bytes) -> list[Message]: ...

    def reset(self) -> None: ...


class Codec(Protocol):
    name: str
    text_encoding: str
    max_payload: int

    def encode(self, message: Message) -> bytes: ...

    def decoder(self) -> Decoder: ...


@dataclass(frozen=True)
class CodecTable:
    """One framing: header, address, command, length, payload, checksum, tail."""

    name: str
    header: bytes
    tail: bytes
    commands: dict[Command, int]
    checksum: str = "crc16_modbus"
    checksum_order: str = "little"  # byte order of a 2-byte checksum
    checksum_from: str = "address"  # "address": address..payload; "header": header..payload
    length_bytes: int = 1
    length_order: str = "big"
    text_encoding: str = "gbk"
    max_payload: int = 255
    address_min: int = 1
    address_max: int = 247


def _bytes(source: str, key: str, value: Any) -> bytes:
    if not isinstance(value, list) or not all(isinstance(b, int) and 0 <= b <= 255 for b in value):
        raise CodecError(f"{source}: {key}: expected a list of byte values 0..255")
    return bytes(value)


def parse_table(data: dict[str, Any], source: str) -> CodecTable:
    """Check a table read from TOML; every error names ``source`` and the key."""
    raw_commands = data.get("commands")
    if not isinstance(raw_commands, dict) or not raw_commands:
        raise CodecError(f"{source}: commands: missing table of command codes")
    commands: dict[Command, int] = {}
    for name, code in raw_commands.items():
        try:
            command = Command(name)
        except ValueError:
            known = ", ".join(c.value for c in Command)
            raise CodecError(
                f"{source}: commands.{name}: unknown command; known: {known}") from None
        if not isinstance(code, int) or not 0 <= code <= 255:
            raise CodecError(f"{source}: commands.{name}: expected a byte value 0..255")
        commands[command] = code
    if len(set(commands.values())) != len(commands):
        raise CodecError(f"{source}: commands: two commands share one code")
    header = _bytes(source, "header", data.get("header"))
    if not header:
        raise CodecError(f"{source}: header: at least one byte is needed to find a frame start")
    table = CodecTable(
        name=str(data.get("name", Path(source).stem)),
        header=header,
        tail=_bytes(source, "tail", data.get("tail", [])),
        commands=commands,
        **{k: data[k] for k in _OPTIONAL if k in data},
    )
    _check_choices(table, source)
    return table


_OPTIONAL = ("checksum", "checksum_order", "checksum_from", "length_bytes", "length_order",
             "text_encoding", "max_payload", "address_min", "address_max")


def _check_choices(table: CodecTable, source: str) -> None:
    if table.checksum not in CHECKSUMS:
        raise CodecError(f"{source}: checksum: one of {', '.join(CHECKSUMS)}")
    for key in ("checksum_order", "length_order"):
        if getattr(table, key) not in ("little", "big"):
            raise CodecError(f"{source}: {key}: \"little\" or \"big\"")
    if table.checksum_from not in ("address", "header"):
        raise CodecError(f"{source}: checksum_from: \"address\" or \"header\"")
    if table.length_bytes not in (1, 2):
        raise CodecError(f"{source}: length_bytes: 1 or 2")
    if not 0 < table.max_payload < 256 ** table.length_bytes:
        raise CodecError(f"{source}: max_payload: must fit in length_bytes")
    if not 0 <= table.address_min <= table.address_max <= 255:
        raise CodecError(f"{source}: address_min/address_max: 0 <= min <= max <= 255")
    try:
        "测试".encode(table.text_encoding)
    except LookupError:
        raise CodecError(f"{source}: text_encoding: unknown encoding") from None


def load_table(name_or_path: str) -> CodecTable:
    """A table by name (``hallq`` → ``hardware/bus/codecs/hallq.toml``) or by file path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = CODEC_DIR / f"{name_or_path}.toml"
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        known = ", ".join(sorted(p.stem for p in CODEC_DIR.glob("*.toml")))
        raise CodecError(f"codec {name_or_path!r}: no table {path} (shipped: {known})") from None
    except tomllib.TOMLDecodeError as e:
        raise CodecError(f"{path}: {e}") from None
    return parse_table(data, str(path))
