"""``hallq config import FILE --server URL``: the import through a running server
(``POST /api/config/import``), so the change takes effect at once and is audited there."""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def _post(server: str, token: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        server.rstrip("/") + "/api/config/import", method="POST",
        data=json.dumps(body).encode(), headers={"Authorization": f"Bearer {token}",
                                                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status), json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read() or b"{}")
        except ValueError:
            return error.code, {"detail": error.reason}


def import_remote(server: str, file: Path, yes: bool, dry_run: bool) -> int:
    token = os.environ.get("HALLQ_ADMIN_TOKEN", "")
    if not token:
        print("hallq config: set HALLQ_ADMIN_TOKEN to the server's admin token", file=sys.stderr)
        return 2
    try:
        text = file.read_text(encoding="utf-8")
        status, answer = _post(server, token, {"toml": text, "dry_run": True})
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hallq config: {exc}", file=sys.stderr)
        return 2
    if status != 200:
        print(f"hallq config: {answer.get('detail', status)}", file=sys.stderr)
        return 2
    changes = answer.get("changes", [])
    if not changes:
        print("no differences: the configuration is already as in the file")
        return 0
    print("\n".join(changes))
    if dry_run or not confirm(yes):
        print("nothing changed")
        return 0 if dry_run else 1
    status, answer = _post(server, token, {"toml": text})
    if status != 200:
        print(f"hallq config: {answer.get('detail', status)}", file=sys.stderr)
        return 2
    print(f"applied: {len(answer.get('changes', []))} changes")
    return 0


def confirm(yes: bool) -> bool:
    """``--yes``, or a "y" typed (read from standard input; none there: no)."""
    if yes:
        return True
    print("apply these changes? [y/N] ", end="", flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")
