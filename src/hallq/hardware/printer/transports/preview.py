"""``preview:DIR[?status=paper_out]``: no printer; each ticket is saved as DIR/ticket-NUMBER.bin
(the exact bytes) and DIR/ticket-NUMBER.png (the rendered ticket).

It answers DLE EOT status requests like a printer in the configured state, so the demo and the
tests can show paper-out, cover-open and offline without hardware.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from hallq.hardware.printer.transports.base import Transport

if TYPE_CHECKING:
    from PIL.Image import Image

# Answers to DLE EOT 1, 2, 4 in each simulated state; None: the printer does not answer.
ANSWERS: dict[str, dict[int, int] | None] = {
    "ok": {1: 0x12, 2: 0x12, 4: 0x12},
    "paper_low": {1: 0x12, 2: 0x12, 4: 0x1E},
    "paper_out": {1: 0x1A, 2: 0x32, 4: 0x72},
    "cover_open": {1: 0x1A, 2: 0x16, 4: 0x12},
    "error": {1: 0x1A, 2: 0x52, 4: 0x12},
    "offline": None,
}


class PreviewTransport(Transport):
    wants_image = True

    def __init__(self, url: str, directory: Path, status: str = "ok") -> None:
        super().__init__(url)
        self.directory, self.status = directory, status
        self._job = bytearray()
        self.saved: list[Path] = []  # files written, newest last

    def open(self, timeout: float) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)

    def write(self, data: bytes, timeout: float) -> None:
        self._job += data

    def query(self, request: bytes, timeout: float) -> bytes:
        answers = ANSWERS[self.status]
        if answers is None or len(request) != 3 or request[:2] != b"\x10\x04":
            return b""
        return bytes([answers.get(request[2], 0x12)])

    def end_job(self, name: str, image: Image | None) -> None:
        stem = "ticket-" + (re.sub(r"[^\w-]", "_", name) or "ticket")
        data_path = self.directory / f"{stem}.bin"
        data_path.write_bytes(bytes(self._job))
        self.saved.append(data_path)
        if image is not None:
            image.save(self.directory / f"{stem}.png")
            self.saved.append(self.directory / f"{stem}.png")
        self._job.clear()

    def close(self) -> None:
        self._job.clear()
