"""``hallq server`` logs to a rotating file in the data folder as well as to the console, and
the file, like the console, never holds a device token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from hallq.processes import Processes, free_port, wait_healthy

SECRET = "kiosk-secret-token-in-a-url"


def test_the_server_log_file_is_in_the_data_folder_and_holds_no_token(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    procs = Processes(tmp_path / "console")
    try:
        procs.hallq("server", "server", "--db", f"sqlite:///{tmp_path / 'hall.db'}", "--port",
                    str(port), "--log-level", "debug", env={"HALLQ_DATA": str(data)})
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, processes=procs)
        httpx.get(f"{url}/api/health?token={SECRET}", timeout=5)
        httpx.get(f"{url}/api/state", headers={"Authorization": f"Bearer {SECRET}"}, timeout=5)
    finally:
        procs.stop()
    log = (data / "logs" / "server.log").read_text(encoding="utf-8")
    assert "GET /api/health?token=***" in log  # uvicorn's access log reaches the file
    assert "Application startup complete" in log  # and uvicorn's own messages
    console = (tmp_path / "console" / "server.log").read_text(encoding="utf-8")
    assert SECRET not in log and SECRET not in console


def test_log_files_rotate_at_5_mb_keeping_5(tmp_path: Path) -> None:
    code = ("from hallq.common import logfiles; import logging; logfiles.setup('kiosk'); "
            "h = [h for h in logging.getLogger().handlers if hasattr(h, 'maxBytes')][0]; "
            "print(h.maxBytes, h.backupCount, h.baseFilename); logging.info('hello')")
    answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "HALLQ_DATA": str(tmp_path)}, timeout=30)
    assert answer.stdout.split() == ["5242880", "5", str(tmp_path / "logs" / "kiosk.log")]
    assert "hello" in (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "hello" in answer.stderr  # and on the console
