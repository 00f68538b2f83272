"""For tests of the hallq commands run in this process: the command's exit code and what it
printed, and the database hallq 0.1 wrote (the release fixture, docs/migrations.md)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from hallq.cli import main as hallq

RELEASE_0_1 = Path(__file__).parent / "storage" / "fixtures" / "release-0.1.db"


def run_hallq(*argv: str) -> tuple[int, str, str]:
    """``hallq ARGV``: its exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = hallq(list(argv))
    return code, out.getvalue(), err.getvalue()
