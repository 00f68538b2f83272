"""Blocking printer I/O bounded in time: a worker thread per operation, watched with a deadline.

Transports also set their own timeouts where the OS offers them; the deadline here is what
guarantees an answer for transports that do not (a USB write, a device file, a Windows spooler).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], seconds: float, what: str) -> T:
    """``fn()``'s result, or TimeoutError if it has not returned within ``seconds``."""
    result: list[T] = []
    error: list[BaseException] = []

    def work() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # handed to the caller's thread
            error.append(exc)

    worker = threading.Thread(target=work, name=f"printer I/O: {what}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"{what}: no answer within {seconds:.1f} s")
    if error:
        raise error[0]
    return result[0]


def write_watched(
    write: Callable[[bytes, float], None], data: bytes, chunk: int, stall: float, what: str
) -> None:
    """Write ``data`` in chunks; TimeoutError when no chunk completes for ``stall`` seconds.

    A slow but moving printer (9600 baud, raster image) is fine; a printer that stops taking
    bytes is reported within ``stall`` seconds.
    """
    progress = [time.monotonic(), 0.0]  # last progress time, bytes sent
    error: list[BaseException] = []

    def work() -> None:
        try:
            for start in range(0, len(data), chunk):
                write(data[start : start + chunk], stall)
                progress[:] = [time.monotonic(), float(start + chunk)]
        except BaseException as exc:
            error.append(exc)

    worker = threading.Thread(target=work, name=f"printer write: {what}", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.02)
        if worker.is_alive() and time.monotonic() - progress[0] > stall:
            sent = min(int(progress[1]), len(data))
            raise TimeoutError(
                f"{what}: write stalled for {stall:.1f} s after {sent} of {len(data)} bytes"
            )
    if error:
        raise error[0]
