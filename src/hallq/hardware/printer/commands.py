"""ESC/POS command bytes, one small function per command (no state, no I/O)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

INIT = b"\x1b@"  # ESC @
CHINESE_ON = b"\x1c&"  # FS &
CHINESE_OFF = b"\x1c."  # FS .
LF = b"\n"
ALIGNS = {"left": 0, "center": 1, "right": 2}
QR_ERRORS = {"L": 48, "M": 49, "Q": 50, "H": 51}


def align(where: str) -> bytes:
    return b"\x1ba" + bytes([ALIGNS[where]])  # ESC a n


def char_size(size: int) -> bytes:
    n = size - 1
    return b"\x1d!" + bytes([(n << 4) | n])  # GS ! n: width and height magnification


def bold(on: bool) -> bytes:
    return b"\x1bE" + bytes([1 if on else 0])  # ESC E n


def feed_lines(lines: int) -> bytes:
    return b"\x1bd" + bytes([max(0, min(lines, 255))])  # ESC d n


def cut(partial: bool, feed_dots: int) -> bytes:
    """GS V 66/65 n: feed to the cutter plus ``feed_dots``, then cut (partially or fully)."""
    return b"\x1dV" + bytes([66 if partial else 65, max(0, min(feed_dots, 255))])


def _qr_function(fn: int, payload: bytes) -> bytes:
    body = bytes([49, fn]) + payload  # cn = 49 (QR code)
    return b"\x1d(k" + len(body).to_bytes(2, "little") + body  # GS ( k pL pH cn fn ...


def qr_code(data: bytes, module_size: int, error: str) -> bytes:
    """Native QR (model 2): select model, module size, error level, store data, print."""
    if len(data) > 7089:
        raise ValueError(f"QR data is {len(data)} bytes; a QR code holds at most 7089")
    return b"".join(
        [
            _qr_function(65, bytes([50, 0])),  # fn 65: model 2
            _qr_function(67, bytes([module_size])),  # fn 67: module size in dots
            _qr_function(69, bytes([QR_ERRORS[error]])),  # fn 69: error correction level
            _qr_function(80, bytes([48]) + data),  # fn 80: store the data
            _qr_function(81, bytes([48])),  # fn 81: print the stored symbol
        ]
    )


def raster_image(image: Image, band_rows: int) -> bytes:
    """GS v 0 bands of ``image`` (any mode; dark pixels print), at most ``band_rows`` rows each."""
    from PIL import Image as PILImage

    gray = image.convert("L")
    width_bytes = (gray.width + 7) // 8
    padded = PILImage.new("L", (width_bytes * 8, gray.height), 255)
    padded.paste(gray, (0, 0))
    ink = padded.point(lambda v: 255 if v < 128 else 0, mode="1")  # 1 bit = black dot
    data = ink.tobytes()
    out = bytearray()
    for top in range(0, gray.height, band_rows):
        rows = min(band_rows, gray.height - top)
        out += b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
        out += data[top * width_bytes : (top + rows) * width_bytes]
    return bytes(out)
