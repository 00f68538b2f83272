"""The one line format every benchmark prints a figure in, so ``python -m bench`` can table them.

    FIGURE | issue-ticket latency p99 (8 clients) | 4.1 ms | ≤ 20 ms
"""

from __future__ import annotations

PREFIX = "FIGURE | "


def figure(name: str, value: str, goal: str = "") -> None:
    print(f"{PREFIX}{name} | {value} | {goal}", flush=True)


def parse(line: str) -> tuple[str, str, str] | None:
    if not line.startswith(PREFIX):
        return None
    parts = [p.strip() for p in line[len(PREFIX):].split(" | ")]
    name, value, goal = [*parts, "", "", ""][:3]
    return name, value, goal


def percentile(values: list[float], q: float) -> float:
    """The value below which a share ``q`` of ``values`` lies (nearest rank); NaN for none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")
