"""schemathesis against a real server on a loopback port: every answer, to valid and to fuzzed
requests, is one the OpenAPI documents (status, content type, headers, body schema) and none is
a 5xx. Real uvicorn in a thread, a temporary SQLite file, the example hall with an admin token.
Bounded: a few examples per operation and a time budget; the seed is fixed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.live_server import ADMIN, live_server

CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance")


@pytest.mark.slow
def test_every_answer_conforms_to_the_openapi(tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st is not None, "schemathesis is in the dev extras: pip install -e .[dev]"
    with live_server(tmp_path / "hall.db") as server:
        server.login("3", "c03", "3456")  # so window commands reach their rules, not only 409s
        run = subprocess.run(
            [st, "run", f"{server.url}/openapi.json", "-H", f"Authorization: Bearer {ADMIN}",
             "--checks", ",".join(CHECKS), "--max-examples", "15", "--max-time", "100",
             "--seed", "20261129", "--generation-database", "none", "--workers", "1",
             "--request-timeout", "10", "--no-color", "--report-dir", str(tmp_path / "st")],
            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "Operations:" in run.stdout and "❌" not in run.stdout, run.stdout[-8000:]
