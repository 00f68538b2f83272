"""Checksum kinds a codec table may name: crc16_modbus, xor8, sum8, sum16, none."""

from __future__ import annotations

from collections.abc import Callable

Checksum = Callable[[bytes], int]


def _crc16_step(value: int) -> int:
    for _ in range(8):
        value = (value >> 1) ^ 0xA001 if value & 1 else value >> 1
    return value


_CRC16_TABLE = [_crc16_step(i) for i in range(256)]


def crc16_modbus(data: bytes) -> int:
    """CRC-16/MODBUS: poly 0xA001 (reflected 0x8005), init 0xFFFF, no final xor."""
    crc = 0xFFFF
    for byte in data:
        crc = (crc >> 8) ^ _CRC16_TABLE[(crc ^ byte) & 0xFF]
    return crc


def xor8(data: bytes) -> int:
    result = 0
    for byte in data:
        result ^= byte
    return result


def sum8(data: bytes) -> int:
    return sum(data) & 0xFF


def sum16(data: bytes) -> int:
    return sum(data) & 0xFFFF


def none(data: bytes) -> int:
    return 0


# name -> (function, width in bytes)
CHECKSUMS: dict[str, tuple[Checksum, int]] = {
    "crc16_modbus": (crc16_modbus, 2),
    "xor8": (xor8, 1),
    "sum8": (sum8, 1),
    "sum16": (sum16, 2),
    "none": (none, 0),
}
