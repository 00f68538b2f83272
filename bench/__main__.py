"""``python -m bench``: every benchmark of the project, then one table of figures and goals.

Each benchmark runs as its own process (so one that fails does not stop the others) with a time
limit; ``--quick`` asks each for a small run. Figures are measured, never judged pass/fail here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from bench.figures import parse

BENCHES = ("bench_server", "bench_issue", "bench_console", "bench_reports", "bench_config",
           "bench_printer", "bench_kiosk", "bench_caller", "bench_rating", "bench_display",
           "bench_voice", "bench_bus", "bench_pinyin")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small runs (a smoke test)")
    parser.add_argument("--only", nargs="*", default=None, help="names like bench_server")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []
    for name in args.only or BENCHES:
        command = [sys.executable, "-m", f"bench.{name}", *(["--quick"] if args.quick else [])]
        print(f"== {name}", flush=True)
        started = time.monotonic()
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=args.timeout, check=False)
            output, status = done.stdout + done.stderr, f"exit {done.returncode}"
        except subprocess.TimeoutExpired as exc:
            output, status = str(exc.stdout or ""), f"timed out after {args.timeout:.0f} s"
        print(output.rstrip())
        print(f"== {name}: {status} in {time.monotonic() - started:.1f} s\n", flush=True)
        found = [f for f in map(parse, output.splitlines()) if f]
        rows += [(name, *f) for f in found] or [(name, "(no figures)", status, "")]
    widths = [max(len(r[i]) for r in [*rows, ("bench", "figure", "value", "goal")])
              for i in range(4)]
    print("  ".join(h.ljust(w) for h, w in zip(("bench", "figure", "value", "goal"), widths,
                                               strict=True)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
