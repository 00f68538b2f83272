"""The table-driven framing: header | address | command | length | payload | checksum | tail.

The decoder looks for the header, reads the fixed fields, waits until the frame is complete and
checks length, checksum and tail. A candidate that fails is dropped one byte at a time, so the
decoder resynchronises on the next header. A candidate still incomplete (say a header in noise
announcing a long payload) is abandoned as soon as a complete, valid frame starts after it.
"""

from __future__ import annotations

from enum import Enum

from hallq.hardware.bus.checksums import CHECKSUMS
from hallq.hardware.bus.codec import Codec, CodecError, CodecTable, load_table
from hallq.hardware.bus.message import Command, Message


class _Result(Enum):
    INVALID = 0
    INCOMPLETE = 1


class TableCodec:
    """A :class:`~hardware.bus.codec.Codec` built from a :class:`CodecTable`."""

    def __init__(self, table: CodecTable) -> None:
        self.table = table
        self.name = table.name
        self.text_encoding = table.text_encoding
        self.max_payload = table.max_payload
        self._checksum, self.checksum_width = CHECKSUMS[table.checksum]
        self._by_code = {code: command for command, code in table.commands.items()}
        self.overhead = (len(table.header) + 2 + table.length_bytes + self.checksum_width
                         + len(table.tail))

    def supports(self, command: Command) -> bool:
        return command in self.table.commands

    def encode(self, message: Message) -> bytes:
        t = self.table
        if not t.address_min <= message.address <= t.address_max:
            raise CodecError(f"codec {t.name}: address {message.address} outside "
                             f"{t.address_min}..{t.address_max}")
        code = t.commands.get(message.command)
        if code is None:
            raise CodecError(f"codec {t.name}: no code for command {message.command.value}")
        if len(message.payload) > t.max_payload:
            raise CodecError(f"codec {t.name}: payload of {len(message.payload)} bytes "
                             f"exceeds {t.max_payload}")
        body = (bytes((message.address, code))
                + len(message.payload).to_bytes(t.length_bytes, t.length_order)  # type: ignore[arg-type]
                + message.payload)
        covered = t.header + body if t.checksum_from == "header" else body
        check = self._checksum(covered).to_bytes(self.checksum_width, t.checksum_order)  # type: ignore[arg-type]
        return t.header + body + check + t.tail

    def decoder(self) -> TableDecoder:
        return TableDecoder(self)

    def parse_at(self, buf: bytes | bytearray, start: int) -> tuple[Message, int] | _Result:
        """The frame whose header starts at ``start``: (message, end index) or why not."""
        t = self.table
        pos = start + len(t.header)
        fixed_end = pos + 2 + t.length_bytes
        if len(buf) < fixed_end:
            return _Result.INCOMPLETE
        address, code = buf[pos], buf[pos + 1]
        length = int.from_bytes(buf[pos + 2:fixed_end], t.length_order)  # type: ignore[arg-type]
        command = self._by_code.get(code)
        if (length > t.max_payload or command is None
                or not t.address_min <= address <= t.address_max):
            return _Result.INVALID
        check_at = fixed_end + length
        end = check_at + self.checksum_width + len(t.tail)
        if len(buf) < end:
            return _Result.INCOMPLETE
        covered = bytes(buf[start if t.checksum_from == "header" else pos:check_at])
        expected = self._checksum(covered).to_bytes(self.checksum_width, t.checksum_order)  # type: ignore[arg-type]
        tail_at = check_at + self.checksum_width
        if buf[check_at:tail_at] != expected or buf[tail_at:end] != t.tail:
            return _Result.INVALID
        return Message(address, command, bytes(buf[fixed_end:check_at])), end


class TableDecoder:
    """Feed it byte chunks as they arrive; it returns the messages each chunk completes."""

    def __init__(self, codec: TableCodec) -> None:
        self._codec = codec
        self._header = codec.table.header
        self._buf = bytearray()
        self._limit = 4 * (codec.overhead + codec.max_payload)
        self.dropped = 0  # bytes thrown away as noise or bad frames

    def reset(self) -> None:
        self._buf.clear()

    def feed(self, data: bytes) -> list[Message]:
        self._buf += data
        out: list[Message] = []
        while True:
            start = self._buf.find(self._header)
            if start < 0:
                keep = len(self._header) - 1
                self._drop(len(self._buf) - keep if len(self._buf) > keep else 0)
                return out
            self._drop(start)
            result = self._codec.parse_at(self._buf, 0)
            if result is _Result.INVALID:
                self._drop(1)
            elif result is _Result.INCOMPLETE:
                later = self._next_valid()
                if later < 0:
                    if len(self._buf) > self._limit:
                        self._drop(1)
                        continue
                    return out
                self._drop(later)
            else:
                assert isinstance(result, tuple)
                message, end = result
                out.append(message)
                del self._buf[:end]

    def _next_valid(self) -> int:
        """Where the first complete, valid frame after the current candidate starts, or -1."""
        pos = self._buf.find(self._header, 1)
        while pos >= 0:
            if isinstance(self._codec.parse_at(self._buf, pos), tuple):
                return pos
            pos = self._buf.find(self._header, pos + 1)
        return -1

    def _drop(self, count: int) -> None:
        if count:
            self.dropped += count
            del self._buf[:count]


def load_codec(name_or_path: str) -> Codec:
    """The codec of a table by name (``hallq``) or by file path; see ``codec.load_table``."""
    return TableCodec(load_table(name_or_path))
